package dev.spotter.assemble.report;

import dev.spotter.assemble.BuildSummary;
import dev.spotter.assemble.WriteStats;
import dev.spotter.project.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts of the {@link DatasetCard}: the {@code dataset_info} front matter (features and split sizes per config, as
 * the Hub's {@code datasets} reads them) and "How this dataset was made" (per source, the checks its examples
 * passed before and in the build).
 */
final class CardSections {
    private CardSections() {}

    /** Columns of each built-in upload format, as {@code dataset_info} features (YAML lines, indented 2). */
    private static final Map<String, String> FEATURES =
            Map.of("messages", """
              - name: messages
                list:
                - name: role
                  dtype: string
                - name: content
                  dtype: string
            """, "llama3-text", """
              - name: text
                dtype: string
            """, "prompt-completion", """
              - name: prompt
                dtype: string
              - name: completion
                dtype: string
            """);

    /**
     * {@code dataset_info:} one entry per config with features (for the formats whose columns are known) and the
     * number of examples per split, which {@code datasets} verifies on load.
     */
    static void datasetInfo(StringBuilder b, WriteStats out) {
        b.append("dataset_info:\n");
        for (String f : out.formats()) {
            b.append("- config_name: ").append(f).append('\n');
            String features = FEATURES.get(f);
            if (features != null) {
                b.append("  features:\n").append(features);
            }
            b.append("  splits:\n");
            b.append("  - name: train\n    num_examples: ").append(out.train()).append('\n');
            b.append("  - name: validation\n    num_examples: ")
                    .append(out.validation())
                    .append('\n');
        }
    }

    /** "How this dataset was made": what each source is and which checks its examples passed. */
    static void howMade(StringBuilder b, BuildSummary s) {
        b.append("## How this dataset was made\n\n");
        b.append("Every example, whatever its source, passed the build's checks: the chat format (roles and their"
                + " order, no template control tokens in the text, a final assistant turn), the token limit ("
                + DatasetCard.n(s.tokenLimit()) + "), deduplication, the PII scrub and the leakage check (see"
                + " Processing). Before the build, each source's examples passed these:\n\n");
        b.append("| source | categories | made by | checks passed |\n|---|---|---|---|\n");
        Map<String, List<String>> cats = new LinkedHashMap<>();
        for (WriteStats.Stratum st : s.output().strata()) {
            cats.computeIfAbsent(st.source(), k -> new ArrayList<>()).add(st.category());
        }
        for (BuildSummary.Source src : s.sources()) {
            List<String> c = cats.getOrDefault(src.id(), List.of());
            String[] made = made(src.kind(), src.plan());
            b.append("| ")
                    .append(src.id())
                    .append(" | ")
                    .append(c.isEmpty() ? "(none written)" : String.join(", ", c))
                    .append(" | ")
                    .append(made[0])
                    .append(" | ")
                    .append(made[1])
                    .append(" |\n");
        }
        b.append('\n');
    }

    /** {made by, checks passed} for a source kind and generation plan. */
    static String[] made(SourceKind kind, String plan) {
        return switch (kind) {
            case JSONL ->
                new String[] {
                    "imported JSONL (hand-written or exported)",
                    "the build's checks only: its content is not checked against a parser or a schema"
                };
            case SYNTHETIC_VOICE ->
                new String[] {
                    "`spotter synth-voice` (seeded grammar of spoken set logs)",
                    "parser-audited labels: each utterance is parsed back and regenerated when the voice parser"
                            + " disagrees with any label; duplicate utterances regenerated or skipped"
                };
            case KNOWLEDGE_BASE ->
                new String[] {
                    "`spotter kb generate` (LLM answers from knowledge-base chunks)",
                    "grounding: the answer's content words are supported by its chunk and every number in it is"
                            + " backed by the chunk; ungrounded answers are quarantined"
                };
            case GENERATION ->
                new String[] {
                    "`spotter generate " + (plan == null ? "<plan>" : plan) + "` (LLM)",
                    switch (plan == null ? "" : plan) {
                        case "injury" ->
                            "injury schema (injury-analysis JSON Schema) and clinical safety rules (probabilities and"
                                    + " differentials, confidence caps, red flags sent to a doctor urgently)";
                        case "running" ->
                            "recomputed pace: the calculation's result is recomputed from its inputs and the prose"
                                    + " must state it; numeric safety limits of the advice";
                        case "coach-qa" -> "numeric safety limits of the advice (doses, heart rate) and answer length";
                        default -> "the plan's acceptance checks (`generate.ResponseChecker`)";
                    }
                };
        };
    }
}
