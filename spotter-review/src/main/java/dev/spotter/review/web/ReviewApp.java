package dev.spotter.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.kb.KbChunk;
import dev.spotter.review.Decision;
import dev.spotter.review.DecisionStore;
import dev.spotter.review.ReviewGate;
import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.SourceIndex;
import dev.spotter.review.SourceReview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the page can ask and do, independent of HTTP: the overview, a batch's list, opening a record (taking its
 * lease), checking an edit, deciding, undoing, skipping and signing off. Every answer is JSON.
 *
 * <p>State: per source, the index of its file (re-read when the file changes on disk) and the live decisions and
 * sign-offs (re-read when the database's version changes, i.e. another process wrote; this app's own writes patch
 * them in place, so moving to the next record does not re-read 10,000 decisions). Sessions (reviewer name, skipped
 * records, when each record was shown) live in memory: a restart forgets them and the page starts a new one.
 * Methods are synchronized: one reviewer action at a time, which for a handful of reviewers is plenty.
 */
final class ReviewApp {
    /** A request the app refuses: HTTP status and a message for the page. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient @Nullable ObjectNode extra;

        Refused(int status, String message) {
            this(status, message, null);
        }

        Refused(int status, String message, @Nullable ObjectNode extra) {
            super(message);
            this.status = status;
            this.extra = extra;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One source's cached state. */
    private static final class SourceState {
        final ReviewSource src;
        final ExampleChecks checks;
        final Map<String, KbChunk> chunks = new HashMap<>();

        @Nullable
        SourceIndex idx;

        @Nullable
        SourceReview review;

        Map<String, Decision> live = new HashMap<>();
        List<DecisionStore.SignOff> signOffs = List.of();
        Map<String, Decision> byRecordId = new HashMap<>();
        long version = Long.MIN_VALUE;

        SourceState(ReviewSource src) {
            this.src = src;
            this.checks = new ExampleChecks(src);
            for (KbChunk c : src.chunks()) {
                chunks.put(c.id(), c);
            }
        }

        SourceIndex idx() {
            SourceIndex i = idx;
            if (i == null) {
                throw new IllegalStateException("source " + src.id() + " is not indexed");
            }
            return i;
        }

        SourceReview review() {
            SourceReview r = review;
            if (r == null) {
                throw new IllegalStateException("source " + src.id() + " is not evaluated");
            }
            return r;
        }
    }

    /** A browser tab of one reviewer. */
    private record Session(String id, String reviewer, Set<String> skipped, Map<String, Instant> served) {}

    private final Map<String, SourceState> sources = new LinkedHashMap<>();
    private final DecisionStore store;
    private final Duration leaseTtl;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    ReviewApp(List<ReviewSource> list, DecisionStore store, Duration leaseTtl, Clock clock) {
        for (ReviewSource s : list) {
            if (sources.put(s.id(), new SourceState(s)) != null) {
                throw new IllegalArgumentException("source id '" + s.id() + "' is listed twice");
            }
        }
        this.store = store;
        this.leaseTtl = leaseTtl;
        this.clock = clock;
        for (SourceState st : sources.values()) {
            refresh(st);
        }
    }

    /**
     * Runs each source's checks once on its first record, so the first record a reviewer opens does not pay for
     * loading the tokenizer and the plans. Not synchronized: the checks are thread-safe and the app stays responsive.
     */
    void warmUp() {
        for (SourceState st : sources.values()) {
            SourceIndex idx = st.idx;
            if (idx != null && !idx.records().isEmpty()) {
                SourceIndex.Record r = idx.records().getFirst();
                st.checks.run(idx.line(r), RecordView.provenance(idx.provenance(r)));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    synchronized ObjectNode overview() {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode arr = o.putArray("sources");
        for (SourceState st : sources.values()) {
            refresh(st);
            SourceReview r = st.review();
            ObjectNode s = arr.addObject();
            s.put("id", st.src.id());
            s.put("file", st.src.data().getFileName().toString());
            s.set("policy", StateJson.policy(st.src.policy()));
            ArrayNode w = s.putArray("warnings");
            st.idx().warnings().forEach(w::add);
            s.set("total", StateJson.counts(r.total()));
            ArrayNode cats = s.putArray("categories");
            r.categories().forEach((name, c) -> {
                ObjectNode x = StateJson.counts(c);
                x.put("name", name);
                cats.add(x);
            });
            ArrayNode bs = s.putArray("batches");
            for (SourceReview.BatchReview b : r.batches()) {
                bs.add(StateJson.batch(b));
            }
        }
        return o;
    }

    /** The compact list of a batch: one row per record with its status. */
    synchronized ObjectNode batchList(String source, String batchId) {
        SourceState st = state(source);
        refresh(st);
        SourceReview.BatchReview b = batchOf(st, batchId);
        Map<String, DecisionStore.Lease> leases = store.leases(source);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", source);
        o.set("batch", StateJson.batch(b));
        ArrayNode rows = o.putArray("rows");
        for (SourceIndex.Record r : b.batch().records()) {
            Decision d = st.live.get(r.contentHash());
            DecisionStore.Lease l = leases.get(r.contentHash());
            rows.add(RecordView.row(r, StateJson.status(d), d, b.required(r), l == null ? null : l.reviewer()));
        }
        return o;
    }

    // ------------------------------------------------------------------------------------------------ sessions

    synchronized ObjectNode session(String reviewer) {
        String name = reviewer.strip();
        if (name.isEmpty() || name.length() > 80 || name.chars().anyMatch(Character::isISOControl)) {
            throw new Refused(400, "a reviewer name is 1 to 80 printable characters");
        }
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        Session s = new Session(HexFormat.of().formatHex(b), name, ConcurrentHashMap.newKeySet(), new HashMap<>());
        sessions.put(s.id(), s);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("session", s.id());
        o.put("reviewer", s.reviewer());
        return o;
    }

    private Session session(JsonNode req) {
        Session s = sessions.get(req.path("session").asText(""));
        if (s == null) {
            throw new Refused(
                    409, "unknown session (the server was restarted?): start a new one", StateJson.flag("session"));
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------ records

    /**
     * Opens a record. {@code mode}: {@code pending} (the next required undecided record from {@code from}, taking
     * its lease), {@code at} (record {@code index}), {@code next}/{@code prev} (the neighbour of {@code from}).
     */
    synchronized ObjectNode open(JsonNode req) {
        Target t = target(req);
        Session s = t.session();
        SourceState st = t.state();
        SourceReview.BatchReview b = t.batch();
        List<SourceIndex.Record> recs = b.batch().records();
        String mode = req.path("mode").asText("pending");
        int from = position(recs, req.path("from").asInt(-1));
        SourceIndex.Record target = switch (mode) {
            case "pending" -> nextPending(st, s, b, from);
            case "next" -> recs.get(Math.min(recs.size() - 1, from + 1));
            case "prev" -> recs.get(Math.max(0, from - 1));
            case "at" -> recordAt(st, b, req.path("index").asInt(-1));
            default -> throw new Refused(400, "mode must be pending, at, next or prev");
        };
        if (target == null) {
            ObjectNode done = MAPPER.createObjectNode();
            done.put("done", true);
            done.set("batch", StateJson.batch(b));
            return done;
        }
        return view(st, s, b, target, true);
    }

    private SourceIndex.@Nullable Record nextPending(SourceState st, Session s, SourceReview.BatchReview b, int from) {
        List<SourceIndex.Record> recs = b.batch().records();
        Map<String, DecisionStore.Lease> leases = store.leases(st.src.id());
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 1; k <= recs.size(); k++) {
                SourceIndex.Record r = recs.get(Math.floorMod(from + k, recs.size()));
                if (!b.required(r) || st.live.containsKey(r.contentHash())) {
                    continue;
                }
                if (pass == 0 && s.skipped().contains(st.src.id() + "\n" + r.contentHash())) {
                    continue;
                }
                DecisionStore.Lease l = leases.get(r.contentHash());
                if (l != null && !l.session().equals(s.id())) {
                    continue;
                }
                DecisionStore.Lease got = store.lease(st.src.id(), r.contentHash(), s.id(), s.reviewer(), leaseTtl);
                if (got.session().equals(s.id())) {
                    s.served().putIfAbsent(r.contentHash(), clock.instant());
                    return r;
                }
            }
        }
        return null;
    }

    /** The record view; takes the lease when the record is undecided and nobody else holds it. */
    private ObjectNode view(
            SourceState st, Session s, SourceReview.BatchReview b, SourceIndex.Record r, boolean takeLease) {
        SourceIndex idx = st.idx();
        Decision d = st.live.get(r.contentHash());
        DecisionStore.Lease lease = store.leases(st.src.id()).get(r.contentHash());
        if (takeLease && (lease == null || lease.session().equals(s.id()))) {
            lease = store.lease(st.src.id(), r.contentHash(), s.id(), s.reviewer(), leaseTtl);
            s.served().putIfAbsent(r.contentHash(), clock.instant());
        }
        String line = idx.line(r);
        JsonNode prov = RecordView.provenance(idx.provenance(r));
        KbChunk chunk = RecordView.chunk(st.src.chunks(), prov, st.chunks);
        ObjectNode msgs = RecordView.messages(line, chunk);
        ExampleChecks.Result checks = st.checks.run(line, prov);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", st.src.id());
        o.put("batch", b.batch().id());
        o.put("index", r.index());
        o.put("position", b.batch().records().indexOf(r));
        o.put("batchSize", b.batch().records().size());
        o.put("line", r.line());
        o.put("hash", r.contentHash());
        o.put("recordId", r.recordId());
        o.put("category", r.category());
        o.put("required", b.required(r));
        o.put("kind", RecordView.kind(checks.output(), chunk, msgs));
        o.setAll(msgs);
        o.put("raw", line);
        o.set("provenance", prov);
        o.set("checks", StateJson.checks(checks));
        o.set("decision", d == null ? null : RecordView.decision(d, st.src.policy()));
        Decision earlier = d == null ? st.byRecordId.get(r.recordId()) : null;
        if (earlier != null && !earlier.contentHash().equals(r.contentHash())) {
            o.put(
                    "stale",
                    earlier.action().wireName() + " by " + earlier.reviewer() + " at " + earlier.decidedAt()
                            + " no longer applies: the record's content changed since");
        }
        ObjectNode l = o.putObject("lease");
        boolean mine = lease != null && lease.session().equals(s.id());
        l.put("mine", mine);
        l.put("reviewer", lease == null ? null : lease.reviewer());
        l.put("expires", lease == null ? null : lease.expires().toString());
        o.set("reasons", StateJson.reasons(st.src.policy()));
        o.set("batchState", StateJson.batch(b));
        return o;
    }

    /** Runs the checks on the record with the assistant turns replaced by {@code edits}. */
    synchronized ObjectNode check(JsonNode req) {
        session(req);
        SourceState st = state(req.path("source").asText());
        refresh(st);
        SourceIndex.Record r = record(st, req);
        String edited = ChatJson.toJsonLine(ExampleChecks.withEdits(st.idx().line(r), req.path("edits")));
        ExampleChecks.Result res =
                st.checks.run(edited, RecordView.provenance(st.idx().provenance(r)));
        ObjectNode o = MAPPER.createObjectNode();
        o.put("ok", res.ok());
        o.set("checks", StateJson.checks(res));
        return o;
    }

    /** Records accept, reject or edit for the session's reviewer. */
    synchronized ObjectNode decide(JsonNode req) {
        Session s = session(req);
        SourceState st = state(req.path("source").asText());
        refresh(st);
        SourceIndex.Record r = record(st, req);
        String line = st.idx().line(r);
        if (!SourceIndex.contentHash(line).equals(r.contentHash())) {
            throw new Refused(409, "the file changed on disk since it was indexed; reload the page");
        }
        Decision.Action action = Decision.Action.parse(req.path("action").asText());
        if (action == null) {
            throw new Refused(400, "action must be accept, reject or edit");
        }
        ReviewPolicy policy = st.src.policy();
        String reason = null;
        if (action == Decision.Action.REJECT) {
            reason = req.path("reason").asText("");
            if (policy.reason(reason) == null) {
                throw new Refused(400, "unknown reject reason '" + reason + "'");
            }
        }
        String note = req.path("note").isTextual() && !req.path("note").asText().isBlank()
                ? req.path("note").asText().strip()
                : null;
        String edited = null;
        String original = null;
        if (action == Decision.Action.EDIT) {
            ChatExample ex = ExampleChecks.withEdits(line, req.path("edits"));
            ExampleChecks.Result res = st.checks.run(
                    ChatJson.toJsonLine(ex), RecordView.provenance(st.idx().provenance(r)));
            ChatExample normalised = res.normalised();
            if (!res.ok() || normalised == null) {
                ObjectNode extra = MAPPER.createObjectNode();
                extra.set("checks", StateJson.checks(res));
                throw new Refused(422, "the edited example fails a check; it cannot be accepted", extra);
            }
            edited = ChatJson.toJsonLine(normalised);
            if (edited.equals(ChatJson.toJsonLine(ChatJson.parse(line)))) {
                throw new Refused(400, "nothing was edited: accept the record instead");
            }
            original = line;
        }
        Instant shown = s.served().getOrDefault(r.contentHash(), clock.instant());
        long ms = Math.max(0, Duration.between(shown, clock.instant()).toMillis());
        Decision d = new Decision(
                0,
                st.src.id(),
                r.contentHash(),
                r.recordId(),
                r.line(),
                r.batchId(),
                action,
                reason,
                note,
                edited,
                original,
                s.reviewer(),
                clock.instant(),
                ms,
                "ui");
        Decision stored;
        try {
            stored = store.decide(d, req.path("replaces").asLong(0), s.id());
        } catch (DecisionStore.Conflict e) {
            throw new Refused(409, String.valueOf(e.getMessage()));
        }
        s.served().remove(r.contentHash());
        patch(st, stored.contentHash());
        ObjectNode o = MAPPER.createObjectNode();
        o.set("decision", RecordView.decision(stored, policy));
        o.set("batchState", StateJson.batch(st.review().batch(r.batchId())));
        return o;
    }

    /** Undoes the reviewer's latest decision; returns where it was, so the page can open that record. */
    synchronized ObjectNode undo(JsonNode req) {
        Session s = session(req);
        Decision d = store.undoLast(s.reviewer())
                .orElseThrow(() -> new Refused(409, "nothing to undo: " + s.reviewer() + " has no decision left"));
        ObjectNode o = MAPPER.createObjectNode();
        o.put("undone", d.action().wireName() + " of " + d.recordId());
        SourceState st = sources.get(d.source());
        if (st != null) {
            patch(st, d.contentHash());
            SourceIndex.Record r = find(st, d.contentHash());
            if (r != null) {
                o.put("source", st.src.id());
                o.put("batch", r.batchId());
                o.put("index", r.index());
            }
        }
        return o;
    }

    /** Leaves the record for later in this session and releases its lease. */
    synchronized ObjectNode skip(JsonNode req) {
        Session s = session(req);
        SourceState st = state(req.path("source").asText());
        SourceIndex.Record r = record(st, req);
        s.skipped().add(st.src.id() + "\n" + r.contentHash());
        s.served().remove(r.contentHash());
        store.release(s.id());
        ObjectNode o = MAPPER.createObjectNode();
        o.put("skipped", r.recordId());
        return o;
    }

    /** Signs a batch off in a reviewer's name; refused unless every required record is decided and the sample passes. */
    synchronized ObjectNode signOff(JsonNode req) {
        Target t = target(req);
        Session s = t.session();
        SourceState st = t.state();
        SourceReview.BatchReview b = t.batch();
        String name = req.path("reviewer").asText(s.reviewer()).strip();
        if (name.isEmpty()) {
            throw new Refused(400, "a sign-off needs the reviewer's name");
        }
        switch (b.state()) {
            case READY -> {}
            case PASSED -> throw new Refused(409, "batch " + b.batch().id() + " is already signed off");
            case FAILED -> throw new Refused(409, "batch " + b.batch().id() + " failed its sample: " + b.explanation());
            case IN_REVIEW -> throw new Refused(409, "sign-off refused: " + b.explanation());
        }
        store.signOff(st.src.id(), b.batch().id(), b.batch().membersHash(), name);
        reload(st);
        ObjectNode o = MAPPER.createObjectNode();
        o.set("batchState", StateJson.batch(st.review().batch(b.batch().id())));
        return o;
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** The session, source (refreshed) and batch a request names. */
    private record Target(Session session, SourceState state, SourceReview.BatchReview batch) {}

    private Target target(JsonNode req) {
        Session s = session(req);
        SourceState st = state(req.path("source").asText());
        refresh(st);
        return new Target(s, st, batchOf(st, req.path("batch").asText()));
    }

    private SourceState state(String id) {
        SourceState st = sources.get(id);
        if (st == null) {
            throw new Refused(404, "no source '" + id + "'");
        }
        return st;
    }

    private static SourceReview.BatchReview batchOf(SourceState st, String id) {
        if (!st.review().hasBatch(id)) {
            throw new Refused(404, "source " + st.src.id() + " has no batch '" + id + "'");
        }
        return st.review().batch(id);
    }

    /** The record named by {@code index} + {@code hash} in the request; refused if the file moved under it. */
    private static SourceIndex.Record record(SourceState st, JsonNode req) {
        int i = req.path("index").asInt(-1);
        List<SourceIndex.Record> recs = st.idx().records();
        if (i < 0 || i >= recs.size()) {
            throw new Refused(404, "no record " + i + " in source " + st.src.id());
        }
        SourceIndex.Record r = recs.get(i);
        if (!r.contentHash().equals(req.path("hash").asText())) {
            throw new Refused(409, "record " + r.recordId() + " changed since the page loaded it; reload");
        }
        return r;
    }

    private static SourceIndex.@Nullable Record recordAt(SourceState st, SourceReview.BatchReview b, int index) {
        List<SourceIndex.Record> recs = st.idx().records();
        if (index < 0
                || index >= recs.size()
                || !recs.get(index).batchId().equals(b.batch().id())) {
            throw new Refused(
                    404, "no record " + index + " in batch " + b.batch().id());
        }
        return recs.get(index);
    }

    /** Position within the batch of source index {@code index}, -1 when not in it. */
    private static int position(List<SourceIndex.Record> recs, int index) {
        for (int i = 0; i < recs.size(); i++) {
            if (recs.get(i).index() == index) {
                return i;
            }
        }
        return -1;
    }

    private static SourceIndex.@Nullable Record find(SourceState st, String hash) {
        for (SourceIndex.Record r : st.idx().records()) {
            if (r.contentHash().equals(hash)) {
                return r;
            }
        }
        return null;
    }

    /** Re-reads the file if it changed and the decisions if another connection wrote. */
    private void refresh(SourceState st) {
        SourceIndex idx = st.idx;
        if (idx == null || idx.changedOnDisk()) {
            try {
                ReviewSource s = st.src;
                st.idx = SourceIndex.scan(
                        s.id(),
                        s.data(),
                        s.sidecar(),
                        s.defaultCategory(),
                        s.policy().batchSize());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + st.src.data() + ": " + e.getMessage(), e);
            }
            st.version = Long.MIN_VALUE;
        }
        if (store.version() != st.version) {
            reload(st);
        }
    }

    private void reload(SourceState st) {
        long v = store.version();
        st.live = new HashMap<>(store.live(st.src.id()));
        st.byRecordId = new HashMap<>();
        for (Decision d : st.live.values()) { // a record id decided under another content hash: "no longer applies"
            st.byRecordId.merge(d.recordId(), d, (x, y) -> x.id() > y.id() ? x : y);
        }
        st.signOffs = store.signOffs(st.src.id());
        st.version = v;
        evaluate(st);
    }

    /** After this app's own write on one record: update that entry instead of re-reading everything. */
    private void patch(SourceState st, String hash) {
        store.live(st.src.id(), hash)
                .ifPresentOrElse(
                        d -> {
                            st.live.put(hash, d);
                            st.byRecordId.put(d.recordId(), d);
                        },
                        () -> st.live.remove(hash));
        st.version = store.version(); // counts this write; a concurrent one from another process shows next time
        evaluate(st);
    }

    private static void evaluate(SourceState st) {
        st.review = ReviewGate.evaluate(st.idx(), st.src.policy(), st.live, st.signOffs);
    }
}
