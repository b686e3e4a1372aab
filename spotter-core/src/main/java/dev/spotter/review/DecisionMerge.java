package dev.spotter.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The merge rule of a decisions import ({@link DecisionsJsonl}), on lines already checked one by one.
 *
 * <p>Lines are grouped by record (source + content hash). A group whose lines all give the same <em>verdict</em>
 * (action, reason code, edited content; reviewer, note and time may differ) is one decision: the earliest is kept,
 * so a hand-merged file with duplicate lines or two reviewers who agree imports cleanly. A group of rejects that
 * differ only in their reason code keeps the latest (the record is rejected either way; the later reading wins the
 * statistics). Any other disagreement is a conflict: accept against reject or edit, or two different edits. A
 * conflict is never resolved by time, because "the later one wins" would let an accept silently overrule a
 * colleague's "unsafe advice"; it is reported and none of its lines is applied, so the record stays undecided and
 * the app shows it to a person again.
 *
 * <p>Each surviving decision is then matched against the source's file (by content hash; record id, line and batch
 * are taken from the file as it is now) and against the live decision in review.db: the same verdict there is
 * skipped, a different one is reported and the stored decision kept (undo it in the app to replace it).
 */
final class DecisionMerge {
    /** A checked decision and its line in the import file. */
    record Numbered(long line, Decision decision) {}

    /** What to store, and what is reported instead. */
    record Plan(List<Decision> toStore, int skipped, List<DecisionsJsonl.NotApplied> notApplied) {}

    private DecisionMerge() {}

    static Plan plan(List<Numbered> lines, Map<String, SourceIndex> indexes, DecisionStore store) {
        Map<String, List<Numbered>> groups = new LinkedHashMap<>();
        for (Numbered l : lines) {
            groups.computeIfAbsent(l.decision().source() + "\n" + l.decision().contentHash(), k -> new ArrayList<>())
                    .add(l);
        }
        Map<String, Map<String, SourceIndex.Record>> byHash = new HashMap<>();
        List<Decision> toStore = new ArrayList<>();
        List<DecisionsJsonl.NotApplied> notApplied = new ArrayList<>();
        int skipped = 0;
        for (List<Numbered> g : groups.values()) {
            List<Long> numbers = g.stream().map(Numbered::line).toList();
            Decision first = g.getFirst().decision();
            Optional<Numbered> chosen = choose(g);
            if (chosen.isEmpty()) {
                notApplied.add(new DecisionsJsonl.NotApplied(
                        numbers,
                        first.source(),
                        first.recordId(),
                        "conflicting decisions (" + describe(g)
                                + "): none applied, the record stays undecided; settle it in spotter review"));
                continue;
            }
            skipped += g.size() - 1;
            Decision d = chosen.get().decision();
            SourceIndex index = indexes.get(d.source());
            if (index != null) {
                SourceIndex.Record rec =
                        byHash.computeIfAbsent(d.source(), k -> hashes(index)).get(d.contentHash());
                if (rec == null) {
                    notApplied.add(new DecisionsJsonl.NotApplied(
                            numbers,
                            d.source(),
                            d.recordId(),
                            "content_hash " + d.contentHash().substring(0, 12) + "… matches no record of "
                                    + index.data() + " (the line changed or is gone): not applied"));
                    continue;
                }
                d = at(d, rec);
            }
            Optional<Decision> live = store.live(d.source(), d.contentHash());
            if (live.isPresent()) {
                if (sameVerdict(live.get(), d)) {
                    skipped++;
                } else {
                    Decision c = live.get();
                    notApplied.add(new DecisionsJsonl.NotApplied(
                            numbers,
                            d.source(),
                            d.recordId(),
                            "review.db already has " + verdict(c) + " by " + c.reviewer() + " at " + c.decidedAt()
                                    + " (import: " + verdict(d) + "): kept; undo it in the app to replace it"));
                }
                continue;
            }
            toStore.add(d);
        }
        return new Plan(toStore, skipped, notApplied);
    }

    /** The group's decision, or empty for a conflict. */
    private static Optional<Numbered> choose(List<Numbered> g) {
        Decision first = g.getFirst().decision();
        if (g.stream().allMatch(l -> sameVerdict(l.decision(), first))) {
            return g.stream()
                    .min(Comparator.comparing((Numbered l) -> l.decision().decidedAt()));
        }
        if (g.stream().allMatch(l -> l.decision().action() == Decision.Action.REJECT)) {
            return g.stream()
                    .max(Comparator.comparing((Numbered l) -> l.decision().decidedAt())
                            .thenComparing(Numbered::line));
        }
        return Optional.empty();
    }

    static boolean sameVerdict(Decision a, Decision b) {
        return a.action() == b.action()
                && Objects.equals(a.reason(), b.reason())
                && Objects.equals(a.edited(), b.edited());
    }

    private static String verdict(Decision d) {
        return d.action() == Decision.Action.REJECT
                ? "reject " + d.reason()
                : d.action().wireName();
    }

    private static String describe(List<Numbered> g) {
        StringBuilder b = new StringBuilder();
        for (Numbered l : g) {
            if (!b.isEmpty()) {
                b.append(" vs ");
            }
            b.append(verdict(l.decision()))
                    .append(" by ")
                    .append(l.decision().reviewer())
                    .append(" (line ")
                    .append(l.line())
                    .append(')');
        }
        return b.toString();
    }

    private static Map<String, SourceIndex.Record> hashes(SourceIndex index) {
        Map<String, SourceIndex.Record> m = new HashMap<>();
        for (SourceIndex.Record r : index.records()) {
            m.putIfAbsent(r.contentHash(), r);
        }
        return m;
    }

    private static Decision at(Decision d, SourceIndex.Record r) {
        return new Decision(
                d.id(),
                d.source(),
                d.contentHash(),
                r.recordId(),
                r.line(),
                r.batchId(),
                d.action(),
                d.reason(),
                d.note(),
                d.edited(),
                d.original(),
                d.reviewer(),
                d.decidedAt(),
                d.msSpent(),
                d.origin());
    }
}
