package dev.spotter.assemble.report;

import dev.spotter.format.ChatExample;
import dev.spotter.train.export.Target;
import dev.spotter.train.export.TokenPreview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What report.html shows of the data itself, beyond the counts of the {@link dev.spotter.assemble.BuildSummary}:
 * bounded samples read back from a finished build's files, so the page stays small and fast to open however large
 * the dataset is. Every list has a fixed cap (see {@code ReportSampler}); which examples are picked depends only on
 * their ids (a hash), never on time, so the same build renders the same page.
 *
 * @param sampled      examples the histograms and label distributions were computed over, per split
 * @param examples     up to a few train examples per source / category, in stratum order
 * @param assistantTokens trainable (assistant) tokens per sampled example, per split ({@code train}, {@code
 *                     validation})
 * @param turns        assistant turns per sampled example, per split
 * @param categories   per source / category: examples and tokens (exact) and sampled assistant tokens
 * @param labels       voice label distributions (exercise, weight, reps, RPE) over the sampled voice examples
 * @param quarantine   rejected lines (masked, shortened), at most a fixed number per reason
 * @param pii          masked before / after snippets of PII replacements
 * @param duplicates   dropped duplicates next to the example they duplicate
 * @param tokens       one train example per source / category as each export target's trainer sees it
 */
public record ReportSamples(
        Map<String, Long> sampled,
        List<Example> examples,
        Map<String, List<Count>> assistantTokens,
        Map<String, List<Count>> turns,
        List<CategoryRow> categories,
        Map<String, List<Count>> labels,
        List<Rejected> quarantine,
        List<PiiSnippet> pii,
        List<DuplicatePair> duplicates,
        List<TokenSample> tokens) {

    /** Train examples shown per source / category. */
    public static final int PER_STRATUM = 2;
    /** Quarantined lines shown per reason. */
    public static final int PER_REASON = 20;

    public ReportSamples {
        sampled = Map.copyOf(sampled);
        examples = List.copyOf(examples);
        assistantTokens = Map.copyOf(assistantTokens);
        turns = Map.copyOf(turns);
        categories = List.copyOf(categories);
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        quarantine = List.copyOf(quarantine);
        pii = List.copyOf(pii);
        duplicates = List.copyOf(duplicates);
        tokens = List.copyOf(tokens);
    }

    /** Nothing sampled (a report rendered from the summary alone). */
    public static ReportSamples none() {
        return new ReportSamples(
                Map.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** One chat message as the report shows it (content shortened to a fixed length). */
    public record Turn(String role, String content) {}

    /** A sampled example: its id, source, category, split and turns. */
    public record Example(String id, String source, String category, String split, List<Turn> turns) {
        public Example {
            turns = List.copyOf(turns);
        }
    }

    /** A histogram bin or a label value: {@code label} and how many sampled examples have it. */
    public record Count(String label, long count) {}

    /**
     * One source / category.
     *
     * @param examples        written examples (train + validation, exact)
     * @param tokens          tokens of those examples (exact, as the build counted them)
     * @param assistantMean   mean assistant tokens per sampled example (0 when none was sampled)
     */
    public record CategoryRow(String source, String category, long examples, long tokens, long assistantMean) {}

    /** A quarantined line: where, why, and its text with PII masked and shortened. */
    public record Rejected(String file, long line, String reason, String detail, String text) {}

    /** A PII replacement: the masked original around it and the replaced text ({@code id} is the example). */
    public record PiiSnippet(String id, String before, String after) {}

    /** A dropped duplicate and the kept example it duplicates, as plain text of their turns. */
    public record DuplicatePair(
            String reason, double similarity, String droppedId, String dropped, String keptId, String kept) {}

    /**
     * An example as the export targets' trainers see it ({@link TokenPreview}, export defaults): one view per
     * distinct set of trained tokens, naming the targets that train exactly those (usually the chat targets share
     * one and Bedrock, which trains the completion only, differs on multi-turn examples).
     */
    public record TokenSample(String id, String source, String category, List<TokenView> views) {
        /** Tokens a view keeps: the first {@value #HEAD} and the last {@value #TAIL}; the middle is counted. */
        public static final int HEAD = 384;

        public static final int TAIL = 128;

        public TokenSample {
            views = List.copyOf(views);
        }

        /** The views of {@code example} for every target, grouped by trained tokens, in target order. */
        public static TokenSample of(String id, String source, String category, ChatExample example) {
            Map<List<Boolean>, List<TokenPreview>> byMask = new LinkedHashMap<>();
            for (Target t : Target.values()) {
                TokenPreview p = TokenPreview.of(t, example);
                List<Boolean> mask =
                        p.tokens().stream().map(TokenPreview.Token::trained).toList();
                byMask.computeIfAbsent(mask, k -> new ArrayList<>()).add(p);
            }
            List<TokenView> views = new ArrayList<>();
            for (List<TokenPreview> same : byMask.values()) {
                TokenPreview p = same.getFirst();
                List<TokenPreview.Token> all = p.tokens();
                int hidden = Math.max(0, all.size() - HEAD - TAIL);
                List<TokenPreview.Token> head = hidden == 0 ? all : all.subList(0, HEAD);
                List<TokenPreview.Token> tail = hidden == 0 ? List.of() : all.subList(all.size() - TAIL, all.size());
                Set<String> warnings = new LinkedHashSet<>();
                same.forEach(x -> warnings.addAll(x.warnings()));
                views.add(new TokenView(
                        same.stream().map(x -> x.target().id()).toList(),
                        head,
                        hidden,
                        tail,
                        all.size(),
                        p.trained(),
                        List.copyOf(warnings)));
            }
            return new TokenSample(id, source, category, views);
        }
    }

    /**
     * The token stream some targets' trainers see.
     *
     * @param targets  the targets that train exactly these tokens
     * @param head     the first tokens
     * @param hidden   tokens left out between {@code head} and {@code tail} (0: {@code head} is the whole stream)
     * @param tail     the last tokens
     * @param total    tokens in the stream
     * @param trained  trained tokens in the stream
     * @param warnings the warnings of any of these targets
     */
    public record TokenView(
            List<String> targets,
            List<TokenPreview.Token> head,
            int hidden,
            List<TokenPreview.Token> tail,
            int total,
            int trained,
            List<String> warnings) {
        public TokenView {
            targets = List.copyOf(targets);
            head = List.copyOf(head);
            tail = List.copyOf(tail);
            warnings = List.copyOf(warnings);
        }
    }
}
