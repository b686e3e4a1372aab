package dev.spotter.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import dev.spotter.ProviderException;
import dev.spotter.generate.ResponseChecker.Verdict;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Money;
import dev.spotter.llm.InferencePrices;
import dev.spotter.llm.LlmClient;
import dev.spotter.llm.LlmClients;
import dev.spotter.llm.LlmConfig;
import dev.spotter.llm.LlmRequest;
import dev.spotter.llm.LlmResponse;
import dev.spotter.llm.Provider;
import dev.spotter.llm.TokenEstimate;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a plan to its exact quotas. Public entry points: {@link #run}, {@link #dryRun}, {@link #exportBatch},
 * {@link #importBatch}.
 *
 * <p>Quotas are slots: category c has target(c) slots, each filled by exactly one accepted example. A worker owns
 * one slot at a time and retries it (new attempt number, same attributes) until a response passes the checks or
 * the per-run attempt limit is hit, so a live run never over-generates. A passing response for a slot that is
 * already filled (re-imported batch, concurrent history) is kept as surplus and used to fill open slots of the same
 * category on a later run. Workers are virtual threads; the HTTP client enforces rpm/tpm and retries.
 */
public final class Generator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Generator() {}

    /** Fails fast on a missing key, unknown price with a budget, or a state that belongs to another plan. */
    public static Report run(GenerateOptions o) throws IOException, ProviderException {
        LlmConfig config = LlmConfig.builder(o.provider)
                .baseUrl(o.baseUrl == null ? o.provider.defaultBaseUrl() : o.baseUrl)
                .apiKeyEnv(o.apiKeyEnv == null ? o.provider.defaultKeyEnv() : o.apiKeyEnv)
                .env(o.env)
                .requestTimeout(o.requestTimeout)
                .maxAttempts(o.maxRetries)
                .requestsPerMinute(o.rpm)
                .tokensPerMinute(o.tpm)
                .log(line -> progressLine(o, line))
                .build();
        // A fresh run has every slot open and needs the key: check it before state.db is created, so a failed
        // first run leaves nothing behind. A rerun of a finished state needs no key (nothing is called).
        OutputFiles.requireOwnedBeforeOpen(o);
        LlmClient fresh = Files.exists(o.stateDir.resolve("state.db")) ? null : LlmClients.create(config);
        try (GenerationState st = GenerationState.open(o.stateDir)) {
            bindPlan(st, o.plan);
            OutputFiles.requireOwned(st, o);
            ResponseChecker checker = new ResponseChecker(o.extraCheck);
            Worker.checkUnchecked(o, st, checker);
            InferencePrices.Price price = price(o, false);
            if (o.budgetUsd != null && price == null) {
                throw new ConfigurationException("--budget-usd needs a price for model '" + o.model
                        + "', which is not in the price table (as of " + o.prices.asOf()
                        + "); pass --price-in and --price-out (USD per million tokens)");
            }
            Map<String, Integer> filledAtStart = new HashMap<>();
            ConcurrentLinkedQueue<Slot> queue = new ConcurrentLinkedQueue<>(openSlots(st, o, filledAtStart));
            Worker w = null;
            if (!queue.isEmpty()) {
                LlmClient client = fresh != null ? fresh : LlmClients.create(config);
                Budget budget = new Budget(
                        o.budgetUsd == null ? null : Money.ofUsdRounded(o.budgetUsd),
                        Money.ofUsdRounded(st.totals().costUsd()));
                Map<String, Map<Integer, Integer>> attempts = new ConcurrentHashMap<>();
                for (Plan.Category c : o.plan.categories()) {
                    attempts.put(c.id(), new ConcurrentHashMap<>(st.lastAttempts(c.id())));
                }
                try (Progress progress =
                        new Progress(o.progress, o.budgetUsd, budget.spent().toUsdDouble())) {
                    for (Plan.Category c : o.plan.categories()) {
                        progress.category(c.id(), filledAtStart.get(c.id()), o.target(c));
                    }
                    progress.start();
                    w = new Worker(o, st, client, price, budget, checker, attempts, queue, progress);
                    int n = Math.min(o.concurrency, queue.size());
                    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                        for (int i = 0; i < n; i++) {
                            ex.submit(w);
                        }
                    }
                }
            }
            long lines = OutputFiles.write(st, o);
            String stop = w == null ? null : w.stop.get();
            Report r = report(
                    st,
                    o,
                    lines,
                    stop != null
                            ? stop
                            : w != null && w.anyGaveUp.get()
                                    ? Report.OUT_OF_ATTEMPTS + o.maxAttemptsPerSlot
                                            + " attempts in this run; rerun the same command to continue"
                                    : null);
            String written = " (output written from state: " + lines + " lines; rerun to continue)";
            if (w != null && w.refused.get() != null) {
                ProviderException e = w.refused.get();
                throw new ProviderException(e.kind(), e.status(), e.getMessage() + written, null, null);
            }
            if (w != null && w.fatal.get() != null) {
                throw new IOException(w.fatal.get() + written);
            }
            return r;
        }
    }

    /** Open slots after filling what surplus can, interleaved across categories so progress is even. */
    private static List<Slot> openSlots(GenerationState st, GenerateOptions o, Map<String, Integer> filledOut) {
        List<List<Slot>> per = new ArrayList<>();
        for (Plan.Category c : o.plan.categories()) {
            int target = o.target(c);
            BitSet filled = st.filledSlots(c.id());
            List<Slot> all = Slots.of(o.plan, c);
            List<Slot> open = new ArrayList<>();
            int count = 0;
            for (int i = 0; i < target; i++) {
                if (filled.get(i) || st.fillFromSurplus(c.id(), i)) {
                    count++;
                } else {
                    open.add(all.get(i));
                }
            }
            filledOut.put(c.id(), count);
            per.add(open);
        }
        List<Slot> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (List<Slot> l : per) {
                if (i < l.size()) {
                    out.add(l.get(i));
                    any = true;
                }
            }
            if (!any) {
                return out;
            }
        }
    }

    private static void bindPlan(GenerationState st, Plan plan) {
        var bound = st.meta("plan");
        if (bound.isPresent() && !bound.get().equals(plan.name())) {
            throw new ConfigurationException("state directory holds plan '" + bound.get() + "', not '" + plan.name()
                    + "'; use another --state directory per plan");
        }
        st.putMeta("plan", plan.name());
    }

    private static InferencePrices.Price price(GenerateOptions o, boolean batch) {
        InferencePrices.Price p = o.priceOverride != null
                ? o.priceOverride
                : o.prices.lookup(o.model).orElse(null);
        return p == null ? null : batch ? p.scaled(o.prices.batchDiscount()) : p;
    }

    /** A retry line of the HTTP client, on the progress stream (one line each; never a key: see LlmHttp). */
    private static void progressLine(GenerateOptions o, String line) {
        o.log.accept(line);
    }

    static String priceDate(GenerateOptions o) {
        return o.priceOverride != null ? "override" : o.prices.asOf();
    }

    /** A slot's stored attributes JSON (see {@link #attrs}) as a map; empty when absent or unreadable. */
    static Map<String, String> attributesOf(String attrsJson) {
        Map<String, String> m = new HashMap<>();
        if (attrsJson == null) {
            return m;
        }
        try {
            MAPPER.readTree(attrsJson)
                    .properties()
                    .forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            // no attributes: the checks then apply the category's rules only
        }
        return m;
    }

    static String attrs(Slot s) {
        ObjectNode n = MAPPER.createObjectNode();
        new TreeMap<>(s.attributes()).forEach(n::put);
        return n.toString();
    }

    private static Report report(GenerationState st, GenerateOptions o, long lines, String stopReason) {
        List<Report.CategoryCount> cats = new ArrayList<>();
        for (Plan.Category c : o.plan.categories()) {
            int target = o.target(c);
            long acc = st.filledSlots(c.id()).get(0, target).cardinality();
            cats.add(new Report.CategoryCount(c.id(), acc, target));
        }
        return new Report(cats, st.totals(), st.rejectReasons(), stopReason, lines);
    }

    /**
     * What the state holds for this plan (accepted per category, totals, reject reasons) as a {@link Report} with no
     * stop reason, without sending anything or writing any file. For a caller that knows a run is over, e.g. a
     * knowledge-base round whose shortfall a later top-up round took over (running it again would spend new attempts
     * on slots the top-up already filled). {@code outputLines} counts the lines of the output file, if it exists.
     */
    public static Report status(GenerateOptions o) throws IOException {
        long lines = 0;
        if (Files.exists(o.output)) {
            try (var l = Files.lines(o.output, StandardCharsets.UTF_8)) {
                lines = l.count();
            }
        }
        try (GenerationState st = GenerationState.openReadOnly(o.stateDir)) {
            return report(st, o, lines, null);
        }
    }

    // ---------------------------------------------------------------- dry run

    /** Plan, quotas, progress so far (if the state exists) and a cost estimate. Calls nothing. */
    public static String dryRun(GenerateOptions o) throws IOException {
        StringBuilder sb = new StringBuilder();
        Plan plan = o.plan;
        sb.append("plan ")
                .append(plan.name())
                .append(": ")
                .append(plan.description())
                .append('\n');
        InferencePrices.Price price = price(o, false);
        Map<String, BitSet> filled = new HashMap<>();
        if (Files.exists(o.stateDir.resolve("state.db"))) {
            try (GenerationState st = GenerationState.openReadOnly(o.stateDir)) {
                for (Plan.Category c : plan.categories()) {
                    filled.put(c.id(), st.filledSlots(c.id()));
                }
            }
        }
        sb.append(String.format(
                Locale.ROOT,
                "%-24s %7s %6s %5s %7s %8s %9s  %s%n",
                "category",
                "target",
                "done",
                "turns",
                "prompt~",
                "max_out",
                "output",
                "prompt sha256"));
        Money expected = Money.ZERO;
        Money worst = Money.ZERO;
        long remaining = 0;
        for (Plan.Category c : plan.categories()) {
            int target = o.target(c);
            int done = filled.getOrDefault(c.id(), new BitSet()).get(0, target).cardinality();
            Slot first = Slots.of(plan, c).getFirst();
            LlmRequest req = Prompts.request(plan, c, first, o.model);
            long promptTok = TokenEstimate.promptTokens(req);
            int left = target - done;
            remaining += left;
            if (price != null) {
                expected =
                        expected.plus(price.cost(promptTok, c.maxTokens() / 2).times(left));
                worst = worst.plus(price.cost(promptTok, c.maxTokens()).times(left));
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "%-24s %7d %6d %5s %7d %8d %9s  %s%n",
                    c.id(),
                    target,
                    done,
                    c.minTurns() == c.maxTurns() ? Integer.toString(c.minTurns()) : c.minTurns() + "-" + c.maxTurns(),
                    promptTok,
                    c.maxTokens(),
                    c.output()
                            .wireName()
                            .replace("_analysis", "")
                            .replace("_calculation", "")
                            .replace("_answer", ""),
                    c.promptHash().substring(0, 12)));
        }
        sb.append(String.format(
                Locale.ROOT,
                "total target %d, remaining %d%n",
                plan.categories().stream().mapToInt(o::target).sum(),
                remaining));
        if (price == null && o.model.equals(GenerateOptions.Builder.NO_MODEL)) {
            sb.append("cost: not estimated: no model given (pass --model, or --price-in/--price-out)\n");
        } else if (price == null) {
            sb.append("cost: model '")
                    .append(o.model)
                    .append("' is not in the price table (as of ")
                    .append(o.prices.asOf())
                    .append("); pass --price-in/--price-out for an estimate\n");
        } else {
            sb.append(String.format(
                    Locale.ROOT,
                    "cost for the remaining slots with no rejects, model %s at %s/%s per M tokens (%s): ~%s if answers use half of max_tokens, at most %s; "
                            + "each 10%% of rejects adds ~10%%; batch APIs ~%.0f%% of that%n",
                    o.model,
                    price.input().perMillion().toExactString(),
                    price.output().perMillion().toExactString(),
                    priceDate(o),
                    expected,
                    worst,
                    o.prices.batchDiscount().multiply(BigDecimal.valueOf(100)).doubleValue()));
        }
        sb.append("prompt~ = estimated prompt tokens (chars/3, deliberately high); nothing was sent.");
        return sb.toString();
    }

    // ---------------------------------------------------------------- batch export / import

    /**
     * Writes one request line per open slot (OpenAI Batch: {@code {custom_id, method, url, body}}; Anthropic
     * Message Batches: {@code {custom_id, params}}, wrap the lines as {@code {"requests": [...]}} when posting) and
     * registers each custom_id in the state so results can be matched. Returns the number of lines.
     */
    public static long exportBatch(GenerateOptions o, Path file) throws IOException {
        try (GenerationState st = GenerationState.open(o.stateDir)) {
            bindPlan(st, o.plan);
            List<Slot> open = openSlots(st, o, new HashMap<>());
            List<String[]> rows = new ArrayList<>();
            try (AtomicFile out = AtomicFile.open(file)) {
                Map<String, Map<Integer, Integer>> attempts = new HashMap<>();
                for (Slot s : open) {
                    Plan.Category c = o.plan.category(s.category());
                    int attempt =
                            attempts.computeIfAbsent(c.id(), st::lastAttempts).merge(s.index(), 1, Integer::sum);
                    LlmRequest req = Prompts.request(o.plan, c, s, o.model);
                    ObjectNode line = MAPPER.createObjectNode();
                    String cid = s.customId(attempt);
                    line.put("custom_id", cid);
                    if (o.provider == Provider.OPENAI) {
                        line.put("method", "POST").put("url", "/v1/chat/completions");
                        line.set("body", o.provider.requestBody(req));
                    } else {
                        line.set("params", o.provider.requestBody(req));
                    }
                    out.line(line.toString());
                    rows.add(new String[] {
                        cid,
                        c.id(),
                        Integer.toString(s.index()),
                        Integer.toString(attempt),
                        attrs(s),
                        c.promptHash(),
                        o.provider.name().toLowerCase(Locale.ROOT),
                        o.model
                    });
                }
                st.recordBatchRequests(rows); // before the file appears: a result can always be matched
                out.commit();
            }
            return rows.size();
        }
    }

    /** Result of an import, on top of the state report. */
    public record ImportResult(Report report, long lines, long recorded, long duplicates, List<String> unmatched) {}

    /**
     * Ingests an OpenAI Batch output file or Anthropic Message Batches results file (any order, errors, expired)
     * through the same checks as live calls. Re-importing a file is harmless (custom_ids are recorded once).
     */
    public static ImportResult importBatch(GenerateOptions o, Path file) throws IOException {
        OutputFiles.requireOwnedBeforeOpen(o);
        try (GenerationState st = GenerationState.open(o.stateDir);
                BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            bindPlan(st, o.plan);
            OutputFiles.requireOwned(st, o);
            ResponseChecker checker = new ResponseChecker(o.extraCheck);
            long lines = 0;
            long recorded = 0;
            long dups = 0;
            List<String> unmatched = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.isBlank()) {
                    unmatched.add(file + ":" + lines + ": blank line");
                    continue;
                }
                JsonNode n;
                try {
                    n = MAPPER.readTree(line);
                } catch (IOException e) {
                    unmatched.add(file + ":" + lines + ": not JSON");
                    continue;
                }
                String cid = n.path("custom_id").asText("");
                var req = st.batchRequest(cid);
                if (req.isEmpty()) {
                    unmatched.add(file + ":" + lines + ": custom_id '" + cid + "' was not exported from this state");
                    continue;
                }
                String[] r = req.get();
                Plan.Category c;
                try {
                    c = o.plan.category(r[0]);
                } catch (ConfigurationException e) {
                    unmatched.add(file + ":" + lines + ": " + e.getMessage());
                    continue;
                }
                Provider provider = Provider.parse(r[5]);
                InferencePrices.Price base = o.priceOverride != null
                        ? o.priceOverride
                        : o.prices.lookup(r[6]).orElse(null);
                InferencePrices.Price price = base == null ? null : base.scaled(o.prices.batchDiscount());
                int slot = Integer.parseInt(r[1]);
                int attempt = Integer.parseInt(r[2]);
                String error = null;
                String errorCode = null;
                String body = null;
                if (n.has("response") || n.has("error")) { // OpenAI Batch output
                    JsonNode err = n.path("error");
                    JsonNode resp = n.path("response");
                    if (err.isObject()) {
                        errorCode = "batch_error";
                        error = "batch error " + err.path("code").asText() + ": "
                                + err.path("message").asText();
                    } else if (resp.path("status_code").asInt() != 200) {
                        errorCode = "batch_http_" + resp.path("status_code").asInt();
                        error = "batch request failed with HTTP "
                                + resp.path("status_code").asInt() + ": " + resp.path("body");
                    } else {
                        body = resp.path("body").toString();
                    }
                } else if (n.has("result")) { // Anthropic Message Batches results
                    JsonNode res = n.path("result");
                    String type = res.path("type").asText();
                    switch (type) {
                        case "succeeded" -> body = res.path("message").toString();
                        case "errored" -> {
                            errorCode = "batch_error";
                            error = "batch errored: " + res.path("error");
                        }
                        case "expired", "canceled" -> {
                            errorCode = "batch_" + type;
                            error = "batch request " + type;
                        }
                        default -> {
                            errorCode = "batch_error";
                            error = "unknown result type '" + type + "'";
                        }
                    }
                } else {
                    unmatched.add(
                            file + ":" + lines + ": neither an OpenAI batch output line nor an Anthropic result line");
                    continue;
                }
                GenerationState.Row row;
                if (error != null) {
                    row = new GenerationState.Row(
                            cid, c.id(), slot, attempt, null, errorCode, error, r[3], r[4], r[5], r[6], null, "batch",
                            0, 0, null, null, line, null);
                } else {
                    LlmResponse resp;
                    try {
                        resp = provider.parseResponse(body, null);
                    } catch (ProviderException e) {
                        row = new GenerationState.Row(
                                cid,
                                c.id(),
                                slot,
                                attempt,
                                null,
                                "malformed_response",
                                e.getMessage(),
                                r[3],
                                r[4],
                                r[5],
                                r[6],
                                null,
                                "batch",
                                0,
                                0,
                                null,
                                null,
                                line,
                                null);
                        recorded += st.record(row, false).isPresent() ? 1 : 0;
                        continue;
                    }
                    Verdict out = checker.check(o.plan, c, attributesOf(r[3]), resp);
                    String example = out instanceof Verdict.Passed a
                            ? dev.spotter.format.ChatJson.toJsonLine(a.example())
                            : null;
                    Double cost =
                            price == null ? null : price.cost(resp.usage()).toUsdDouble();
                    row = new GenerationState.Row(
                            cid,
                            c.id(),
                            slot,
                            attempt,
                            example,
                            out instanceof Verdict.Rejected rj ? rj.code() : null,
                            out instanceof Verdict.Rejected rj ? rj.reason() : null,
                            r[3],
                            r[4],
                            r[5],
                            r[6],
                            resp.requestId(),
                            "batch",
                            resp.usage().inputTokens(),
                            resp.usage().outputTokens(),
                            cost,
                            price == null ? null : priceDate(o) + " x" + o.prices.batchDiscount(),
                            resp.rawBody(),
                            null);
                }
                if (st.record(row, error != null).isPresent()) {
                    recorded++;
                } else {
                    dups++;
                }
            }
            // fill any still-open slots from valid surplus (e.g. two results for one slot, one slot left open)
            openSlots(st, o, new HashMap<>());
            long written = OutputFiles.write(st, o);
            Report rep = report(st, o, written, null);
            return new ImportResult(
                    rep.complete()
                            ? rep
                            : new Report(
                                    rep.categories(),
                                    rep.totals(),
                                    rep.rejectsByReason(),
                                    "targets not met yet: run generate again (live) or export another batch for the open slots",
                                    written),
                    lines,
                    recorded,
                    dups,
                    unmatched);
        }
    }
}
