package dev.spotter.train.export;

import dev.spotter.FileException;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Provenance;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link TokenPreview}s of a built split for one target: the first {@code perCategory} examples of each category
 * (from the provenance sidecar) rendered, and every example checked, with counts per warning. Streams both files
 * line by line; memory: the shown previews only.
 *
 * @param shown    category to its first previews
 * @param examples examples checked
 * @param warnings warning code to the number of examples that have it (sorted by code)
 */
public record TrainerPreview(Map<String, List<TokenPreview>> shown, long examples, Map<String, Long> warnings) {
    public TrainerPreview {
        shown = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shown));
        warnings = java.util.Collections.unmodifiableMap(new TreeMap<>(warnings));
    }

    /** The sequence limit a target's trainer applies by default (Together and OpenAI publish theirs). */
    public static int defaultLimit(Target t) {
        return switch (t) {
            case TOGETHER -> Exporter.TOGETHER_MAX_TOKENS;
            case OPENAI -> Exporter.OPENAI_MAX_TOKENS;
            default -> 8192; // the export's sequence_len default (axolotl, and a safe bound elsewhere)
        };
    }

    /**
     * @param messages   a split's {@code messages/<split>.jsonl}
     * @param provenance the split's provenance sidecar (line N describes line N)
     */
    public static TrainerPreview scan(Target target, Path messages, Path provenance, int perCategory, int limit) {
        Map<String, List<TokenPreview>> shown = new LinkedHashMap<>();
        Map<String, Long> warnings = new TreeMap<>();
        long n = 0;
        try (BufferedReader m = Files.newBufferedReader(messages, StandardCharsets.UTF_8);
                BufferedReader p = Files.newBufferedReader(provenance, StandardCharsets.UTF_8)) {
            String line;
            while ((line = m.readLine()) != null) {
                String prov = p.readLine();
                String category = prov == null
                        ? "(no provenance)"
                        : Provenance.parse(prov).category();
                TokenPreview tp = TokenPreview.of(target, ChatJson.parse(line), limit);
                n++;
                tp.warnings().forEach(w -> warnings.merge(w, 1L, Long::sum));
                List<TokenPreview> l = shown.computeIfAbsent(category, k -> new ArrayList<>());
                if (l.size() < perCategory) {
                    l.add(tp);
                }
            }
        } catch (IOException e) {
            throw FileException.reading(messages, e);
        }
        return new TrainerPreview(shown, n, warnings);
    }
}
