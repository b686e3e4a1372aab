package dev.spotter.spark;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.synth.VoiceSynth;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated project of {@code n} voice examples over two sources and {@code files} files each, with planted
 * cases at fixed strides: exact duplicates (upper-cased, or extra spaces), near duplicates (one extra word at the
 * end), e-mail and phone numbers for the scrub, and broken lines for the quarantine. Deterministic in (n, files).
 * Shared by the equality tests and bench/spark-vs-embedded.
 */
final class GeneratedProject {
    private GeneratedProject() {}

    /** Writes the project under {@code dir}; returns its spotter.yaml. */
    static Path write(Path dir, int n, int files) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        VoiceSynth synth = new VoiceSynth(VoiceParser.defaults());
        List<BufferedWriter> out = new ArrayList<>();
        for (String src : List.of("a", "b")) {
            for (int f = 0; f < files; f++) {
                out.add(Files.newBufferedWriter(
                        dir.resolve(String.format(Locale.ROOT, "data/%s-%03d.jsonl", src, f)), StandardCharsets.UTF_8));
            }
        }
        List<String> recent = new ArrayList<>();
        int[] i = {0};
        synth.generate(n, 7, VoiceSynth.Kind.MIXED, ex -> {
            int k = i[0]++;
            String line = ChatJson.toJsonLine(plant(ex, k));
            if (k % 53 == 17 && !recent.isEmpty()) {
                line = recent.get(k % recent.size()).replace("\"content\":\"", "\"content\":\"  "); // exact dup
            } else if (k % 61 == 5 && !recent.isEmpty()) {
                line = recent.get((k * 7) % recent.size()).replace("\"}]}", " please\"}]}"); // near dup (last turn)
            } else if (k % 997 == 3) {
                line = "{\"messages\": [broken " + k; // quarantined
            }
            if (recent.size() < 500) {
                recent.add(line);
            } else {
                recent.set(k % 500, line);
            }
            int file = (k / 7) % out.size();
            try {
                out.get(file).write(line);
                out.get(file).write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (BufferedWriter w : out) {
            w.close();
        }
        Path yaml = dir.resolve("spotter.yaml");
        Files.writeString(yaml, """
                name: generated
                seed: 11
                tokenLimit: 24576
                sources:
                  - id: a
                    kind: jsonl
                    path: "data/a-*.jsonl"
                    category: voice_parsing
                    maxRejectRate: 0.01
                  - id: b
                    kind: jsonl
                    path: "data/b-*.jsonl"
                    category: voice_other
                    maxRejectRate: 0.01
                output:
                  formats: [messages, llama3-text, prompt-completion]
                  dir: out
                split: {validation: 0.1, minValidation: 1, minStratum: 10}
                dedup: {threshold: 0.85, leakageThreshold: 0.7, shingle: word, shingleSize: 3, permutations: 128}
                pii: {enabled: true, types: [email, phone, url, address], roles: [user]}
                """);
        return yaml;
    }

    /** Every 89th example's user turn gets an e-mail address, every 131st a phone number. */
    private static ChatExample plant(ChatExample ex, int k) {
        String add = k % 89 == 0
                ? " mail me at lifter" + k + "@example.com"
                : k % 131 == 0 ? " call 415-555-0" + (100 + k % 900) : "";
        if (add.isEmpty()) {
            return ex;
        }
        String json = ChatJson.toJsonLine(ex);
        String user = "\"role\":\"user\",\"content\":\"";
        int u = json.indexOf(user);
        if (u < 0) {
            return ex;
        }
        int end = json.indexOf('"', u + user.length());
        return ChatJson.parse(json.substring(0, end) + add + json.substring(end));
    }
}
