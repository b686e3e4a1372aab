package dev.spotter.assemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small project on disk with planted duplicates, near-duplicate families, PII and broken lines. */
final class BuildFixture {
    static final String SYSTEM = "You log workouts.";
    /** Lines in a.jsonl that are not examples: blank, not JSON, no assistant. */
    static final int BROKEN = 3;
    /** Exact duplicates planted in a.jsonl (case / whitespace variants of earlier lines). */
    static final int EXACT = 2;

    private BuildFixture() {}

    static String line(String user, String assistant, String category) {
        return "{\"category\":\"" + category + "\",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM
                + "\"},{\"role\":\"user\",\"content\":\"" + user + "\"},{\"role\":\"assistant\",\"content\":\""
                + assistant + "\"}]}";
    }

    /** 20 distinct words from a family id, so families never resemble each other. */
    static String words(int family, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("f").append(family).append("w").append(i).append(' ');
        }
        return sb.toString().trim();
    }

    static Path write(Path dir) throws IOException {
        List<String> a = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            String base = words(f, 20);
            // (unused) at the end: 3-shingle Jaccard 16/20 = 0.8, between leakage (0.7) and dedup (0.85)
            a.add(line(base, "noted " + f, f % 2 == 0 ? "strength" : "cardio"));
            // pair with the last user word changed: 22 tokens, 3 of 20 shingles differ, Jaccard 17/23 = 0.74,
            // between the leakage threshold (0.7) and the dedup threshold (0.85)
            a.add(line(
                    base.substring(0, base.lastIndexOf(' ')) + " alt" + f,
                    "noted " + f,
                    f % 2 == 0 ? "strength" : "cardio"));
        }
        a.add(line(words(50, 40), "noted 50", "strength")); // line 81
        a.add(line(words(0, 20).toUpperCase(), "NOTED 0", "strength")); // exact dup of line 1 after normalisation
        a.add(line("  " + words(1, 20).replace(" ", "   ") + " ", "noted 1", "cardio")); // exact dup of line 3
        a.add(line(
                words(50, 40) + " please", "noted 50", "strength")); // line 84: near dup of line 81, J = 38/43 = 0.88
        a.add("");
        a.add("{this is not json");
        a.add("{\"category\":\"strength\",\"messages\":[{\"role\":\"user\",\"content\":\"no answer\"}]}");
        a.add(line("email me at jo.doe@example.com about squat 225 for 8", "ok", "strength"));
        a.add(line("call (415) 555-0198 after my 5 mile run at 8:30 pace", "ok", "cardio"));
        Files.writeString(dir.resolve("a.jsonl"), String.join("\n", a) + "\n");

        List<String> b = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            b.add(line(words(100 + i, 15), "kb answer " + i, "kb"));
        }
        b.add(line(words(0, 20), "noted 0", "kb")); // duplicate of a.jsonl line 1: a is earlier, so a's copy is kept
        Files.writeString(dir.resolve("b.jsonl"), String.join("\n", b) + "\n");
        Files.writeString(dir.resolve("spotter.yaml"), yaml(""));
        return dir.resolve("spotter.yaml");
    }

    static String yaml(String extraSources) {
        return """
                name: fixture
                seed: 7
                sources:
                  - {id: a, kind: jsonl, path: a.jsonl, categoryField: category, targets: {strength: 30, cardio: 30}}
                  - {id: b, kind: jsonl, path: b.jsonl, categoryField: category, targets: {kb: 20}}
                """ + extraSources + """
                output: {formats: [messages], dir: out}
                split: {validation: 0.2, minStratum: 4}
                dedup: {threshold: 0.85, leakageThreshold: 0.7}
                provider: {name: anthropic, apiKeyEnv: SPOTTER_TEST_FAKE_KEY}
                """;
    }

    static int read() {
        return 81 + 3 + BROKEN + 2 + 13;
    }
}
