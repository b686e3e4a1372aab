package dev.spotter.assemble;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trainer check over every example the build wrote ({@code summary.json} {@code "trainer"};
 * {@link TrainerCheckStep}): per export target, with {@code spotter export}'s default settings, how many examples
 * have each {@link dev.spotter.train.export.TokenPreview} warning, and the ids ({@code source:file:line}) of the
 * first few.
 *
 * @param examples examples checked (train + validation)
 * @param targets  per target, in {@link dev.spotter.train.export.Target} order
 */
public record TrainerStats(long examples, List<TargetCheck> targets) implements StepStats {
    /**
     * @param target        the export target id
     * @param rule          what its trainer trains on and its limit, in words
     * @param limit         its token limit, 0 when none is known (none applied, as by the export)
     * @param warnings      warning code to examples, every code (0 when none)
     * @param firstExamples warning code to the first example ids (codes with none left out)
     */
    public record TargetCheck(
            String target,
            String rule,
            int limit,
            Map<String, Long> warnings,
            Map<String, List<String>> firstExamples) {
        public TargetCheck {
            warnings = Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
            firstExamples = Collections.unmodifiableMap(new LinkedHashMap<>(firstExamples));
        }

        /** The warnings with a count above 0. */
        public Map<String, Long> found() {
            return warnings.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
    }

    public TrainerStats {
        targets = List.copyOf(targets);
    }

    /**
     * One line per target and warning found, for the build's output: count, what it means, the first examples and
     * where to look. Empty when no example has a warning.
     */
    public List<String> warningLines(String datasetDir) {
        List<String> out = new java.util.ArrayList<>();
        for (TargetCheck t : targets) {
            t.found()
                    .forEach((w, n) -> out.add(String.format(
                            Locale.ROOT,
                            "warning: %s: %,d example%s %s (first: %s; see spotter preview --target %s --dataset %s)",
                            t.target(),
                            n,
                            n == 1 ? "" : "s",
                            meaning(w, t.limit()),
                            String.join(", ", t.firstExamples().getOrDefault(w, List.of())),
                            t.target(),
                            datasetDir)));
        }
        return out;
    }

    static String meaning(String warning, int limit) {
        return switch (warning) {
            case "zero_trainable_tokens" -> "with zero trainable tokens (the trainer learns nothing from them)";
            case "truncated" -> String.format(Locale.ROOT, "over its %,d-token limit (truncated or dropped)", limit);
            case "double_bos" -> "with a second <|begin_of_text|>";
            case "special_token_in_content" ->
                "with a special-token string in a message (the trainer's tokenizer makes it a control token)";
            case "weight_ignored" -> "with a weight-0 turn this target trains anyway";
            default -> warning;
        };
    }

    @Override
    public String detail() {
        long found = targets.stream()
                .mapToLong(t ->
                        t.found().values().stream().mapToLong(Long::longValue).sum())
                .sum();
        String which = targets.stream().map(TargetCheck::target).collect(Collectors.joining(", "));
        if (found == 0) {
            return String.format(
                    Locale.ROOT,
                    "%,d examples x %d targets (%s): no example with a warning",
                    examples,
                    targets.size(),
                    which);
        }
        String parts = targets.stream()
                .filter(t -> !t.found().isEmpty())
                .map(t -> t.target() + " " + t.found())
                .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "%,d examples x %d targets: %s", examples, targets.size(), parts);
    }
}
