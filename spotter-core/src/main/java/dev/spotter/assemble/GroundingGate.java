package dev.spotter.assemble;

import dev.spotter.kb.GroundingChecker;
import dev.spotter.project.SourceKind;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceSpec;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The knowledge-base grounding check inside ingest: every accepted example of a {@code knowledge-base} source is
 * checked against the chunk its provenance names with the kb area's {@link GroundingChecker} (the same check, with
 * the same default thresholds, that {@code spotter kb generate} and {@code kb coverage} run); an answer that is not
 * grounded becomes a reject with reason code {@code ungrounded} and the checker's reason as detail, so it ends in
 * the quarantine and counts against the source's reject rate. Fails closed: an example whose chunk text is not
 * known is rejected too. Other kinds pass through untouched.
 */
final class GroundingGate {
    /** Reject code; the same as {@code kb generate}'s engine check. */
    static final String UNGROUNDED = "ungrounded";

    private static final GroundingChecker CHECKER = GroundingChecker.builder().build();

    private GroundingGate() {}

    /** Wraps {@code sink} so that {@code s}'s examples are checked first (identity for non-kb sources). */
    static Consumer<SourceRecord> wrap(SourceSpec s, Consumer<SourceRecord> sink) {
        if (s.kind() != SourceKind.KNOWLEDGE_BASE) {
            return sink;
        }
        return r -> sink.accept(r.accepted() ? check(s, r) : r);
    }

    /** What the step key must include: the chunks' text and the check's identity. */
    static String keyPart(SourceSpec s) {
        return s.kind() != SourceKind.KNOWLEDGE_BASE ? "" : "grounding=default;" + new TreeMap<>(s.chunkText());
    }

    private static SourceRecord check(SourceSpec s, SourceRecord r) {
        String text = r.chunk() == null ? null : s.chunkText().get(r.chunk());
        if (text == null) {
            return r.rejected(UNGROUNDED, "the text of chunk " + r.chunk() + " is not available to check the answer");
        }
        GroundingChecker.Result g = CHECKER.check(text, r.example());
        return g.grounded() ? r : r.rejected(UNGROUNDED, g.reason());
    }
}
