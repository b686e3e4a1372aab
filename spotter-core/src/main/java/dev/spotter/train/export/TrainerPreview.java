package dev.spotter.train.export;

import dev.spotter.FileException;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.Provenance;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@link TokenPreview}s of a set of examples for one {@link TrainRule}: the first {@code perCategory} examples of
 * each category rendered as token streams, and every example checked, with the number of examples per warning
 * and the first few example ids of each. Checking does not tokenize: it takes each example's rendered length (the
 * build records it; {@link TokenPreview#warnings(TrainRule, ChatExample, int)}), so a scan of a million examples
 * costs a JSON parse per line. Memory: the shown previews and {@value #FIRST_IDS} ids per warning.
 *
 * @param rule          the target and export settings checked
 * @param shown         category to its first previews (in first-seen category order)
 * @param examples      examples checked
 * @param warnings      warning code to the number of examples that have it, every code of
 *                      {@link TokenPreview#WARNINGS} in that order (0 when none)
 * @param firstExamples warning code to the ids of its first {@value #FIRST_IDS} examples (codes with none left out)
 */
public record TrainerPreview(
        TrainRule rule,
        Map<String, List<TokenPreview>> shown,
        long examples,
        Map<String, Long> warnings,
        Map<String, List<String>> firstExamples) {
    /** Example ids kept per warning. */
    public static final int FIRST_IDS = 3;

    public TrainerPreview {
        shown = Collections.unmodifiableMap(new LinkedHashMap<>(shown));
        warnings = Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
        firstExamples = Collections.unmodifiableMap(new LinkedHashMap<>(firstExamples));
    }

    /** Examples with at least one warning are counted once per warning they have; the sum of all counts. */
    public long warned() {
        return warnings.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Accumulates examples one at a time (a build pass feeds one tally per target). */
    public static final class Tally {
        private final TrainRule rule;
        private final int perCategory;
        private final Map<String, List<TokenPreview>> shown = new LinkedHashMap<>();
        private final Map<String, Long> warnings = new LinkedHashMap<>();
        private final Map<String, List<String>> first = new LinkedHashMap<>();
        private long examples;

        public Tally(TrainRule rule, int perCategory) {
            this.rule = rule;
            this.perCategory = perCategory;
            TokenPreview.WARNINGS.forEach(w -> warnings.put(w, 0L));
        }

        /**
         * @param id       how the example is named where a warning lists it
         * @param tokens   its rendered length in tokens, BOS included
         */
        public void add(String id, String category, ChatExample example, int tokens) {
            examples++;
            for (String w : TokenPreview.warnings(rule, example, tokens)) {
                warnings.merge(w, 1L, Long::sum);
                List<String> ids = first.computeIfAbsent(w, k -> new ArrayList<>());
                if (ids.size() < FIRST_IDS) {
                    ids.add(id);
                }
            }
            if (perCategory > 0) {
                List<TokenPreview> l = shown.computeIfAbsent(category, k -> new ArrayList<>());
                if (l.size() < perCategory) {
                    l.add(TokenPreview.of(rule, example));
                }
            }
        }

        public TrainerPreview result() {
            Map<String, List<String>> ids = new LinkedHashMap<>();
            TokenPreview.WARNINGS.stream().filter(first::containsKey).forEach(w -> ids.put(w, first.get(w)));
            return new TrainerPreview(rule, shown, examples, warnings, ids);
        }
    }

    /** The target's limit with export's defaults; 0 when none is known ({@link TrainRule#limit()}). */
    public static int defaultLimit(Target t) {
        return TrainRule.of(t).limit();
    }

    /**
     * Scans a built split: each example's category and rendered length come from the provenance sidecar (line N
     * describes line N); an example whose sidecar line has no token count is tokenized.
     *
     * @param messages   a split's {@code messages/<split>.jsonl}
     * @param provenance the split's provenance sidecar
     */
    public static TrainerPreview scan(TrainRule rule, Path messages, Path provenance, int perCategory) {
        return scan(rule, messages, provenance, perCategory, UnaryOperator.identity());
    }

    /** As {@link #scan(TrainRule, Path, Path, int)}, each example first changed by {@code weights} (e.g. {@code
     * Converter.weighted(ex, TrainOn.LAST)}). */
    public static TrainerPreview scan(
            TrainRule rule, Path messages, Path provenance, int perCategory, UnaryOperator<ChatExample> weights) {
        Tally t = new Tally(rule, perCategory);
        try (BufferedReader m = Files.newBufferedReader(messages, StandardCharsets.UTF_8);
                BufferedReader p = Files.newBufferedReader(provenance, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = m.readLine()) != null) {
                n++;
                String prov = p.readLine();
                Provenance pv = prov == null ? null : Provenance.parse(prov);
                ChatExample ex = weights.apply(ChatJson.parse(line));
                Integer tokens =
                        pv == null || pv.built() == null ? null : pv.built().tokens();
                String id = pv == null || pv.built() == null
                        ? messages.getFileName() + ":" + n
                        : pv.built().id();
                t.add(
                        id,
                        pv == null ? "(no provenance)" : pv.category(),
                        ex,
                        tokens != null ? tokens : renderedTokens(ex));
            }
        } catch (IOException e) {
            throw FileException.reading(messages, e);
        }
        return t.result();
    }

    /** The example's length as the trainer sees it: the Llama 3.3 template with BOS, exactly tokenized. */
    public static int renderedTokens(ChatExample ex) {
        return Llama3Tokenizer.shared().countRendered(Llama33Template.defaults().render(ex));
    }
}
