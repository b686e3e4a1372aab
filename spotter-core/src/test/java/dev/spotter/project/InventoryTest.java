package dev.spotter.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {
    @TempDir
    Path dir;

    static String ex(String user) {
        return "{\"category\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n";
    }

    @Test
    void reproducesTheBriefsCostArithmeticWhenNothingIsPresentYet() {
        // The brief: 6,265 examples x 1,200 tokens x 3 epochs = 22.6M tokens at $0.0008/1K; 2,225 x 1,500 at $0.03/1K.
        Project p = ProjectLoader.parse(dir.resolve("spotter.yaml"), """
                sources:
                  - {id: voice, kind: jsonl, path: v.jsonl, category: voice, targets: {voice: 3890}}
                  - {id: kb, kind: jsonl, path: kb.jsonl, category: kb, targets: {kb: 150}}
                  - {id: injury, kind: generation, plan: injury, path: i.jsonl, category: injury, targets: {injury: 825}}
                  - {id: coach, kind: generation, plan: coach, path: c.jsonl, category: coach, targets: {coach: 1000}}
                  - {id: running, kind: generation, plan: run, path: r.jsonl, category: running, targets: {running: 400}}
                """, Environment.empty());
        Inventory inv = Inventory.compute(p, ExampleTokenCounter.estimate());
        assertThat(inv.targetTotal()).isEqualTo(6265);
        assertThat(inv.cost().trainingTokens()).isEqualTo(22_554_000L);
        assertThat(inv.cost().trainingUsd()).isCloseTo(18.04, org.assertj.core.data.Offset.offset(0.01));
        assertThat(inv.cost().toGenerate()).isEqualTo(2225);
        assertThat(inv.cost().generationTokens()).isEqualTo(3_337_500L);
        assertThat(inv.cost().generationUsd()).isCloseTo(100.13, org.assertj.core.data.Offset.offset(0.01));
        assertThat(inv.rows()).extracting(Inventory.Row::status).containsOnly(Inventory.Status.NEED);
        assertThat(inv.rows().get(0).location()).isEqualTo("v.jsonl (missing)");
        String i = Path.of("").toAbsolutePath().relativize(dir.resolve("i")).toString();
        assertThat(inv.needs())
                .extracting(Inventory.Need::command)
                .contains("spotter generate injury --provider <openai|anthropic>" + " --api-key-env <VAR> --state " + i
                        + ".state -o " + i + ".jsonl");
    }

    @Test
    void countsValidExamplesPerCategoryAndFlagsStatus() throws Exception {
        Files.writeString(
                dir.resolve("a.jsonl"), ex("q1") + ex("q2") + "not json\n" + ex("q3").replace("\"c\"", "\"d\""));
        Project p = ProjectLoader.parse(dir.resolve("spotter.yaml"), """
                sources:
                  - {id: a, kind: jsonl, path: a.jsonl, categoryField: category, targets: {c: 2, d: 5, e: 1}}
                """, Environment.empty());
        Inventory inv = Inventory.compute(p, ExampleTokenCounter.estimate());
        assertThat(inv.rows())
                .extracting(Inventory.Row::category, Inventory.Row::have, Inventory.Row::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c", 2, Inventory.Status.HAVE),
                        org.assertj.core.groups.Tuple.tuple("d", 1, Inventory.Status.PARTIAL),
                        org.assertj.core.groups.Tuple.tuple("e", 0, Inventory.Status.NEED));
        assertThat(inv.rejected()).isEqualTo(1);
        assertThat(inv.haveTotal()).isEqualTo(3);
        assertThat(inv.tokensTotal()).isPositive();
        assertThat(inv.toJson().path("totals").path("status").asText()).isEqualTo("PARTIAL");
        assertThat(inv.toText()).contains("TOTAL").contains("PARTIAL").contains("rejected lines");
    }

    @Test
    void categoriesCanComeFromAGenerateStyleProvenanceSidecar() throws Exception {
        String chat =
                "{\"messages\":[{\"role\":\"user\",\"content\":\"q%d\"},{\"role\":\"assistant\",\"content\":\"a\"}]}\n";
        Files.writeString(dir.resolve("g.jsonl"), chat.formatted(1) + chat.formatted(2) + chat.formatted(3));
        Files.writeString(
                dir.resolve("g.provenance.jsonl"),
                "{\"line\":1,\"category\":\"acute\"}\n{\"line\":2,\"category\":\"red-flag\"}\n");
        Project p = ProjectLoader.parse(dir.resolve("spotter.yaml"), """
                sources:
                  - {id: g, kind: generation, plan: injury, path: 'g*.jsonl', categoryField: category,
                     categorySidecar: .provenance.jsonl, targets: {acute: 1, red-flag: 2}}
                provider: {name: openai, apiKeyEnv: OPENAI_API_KEY, model: gpt-x}
                """, Environment.empty());
        List<SourceRecord> recs = new ArrayList<>();
        SourceScanner s = new SourceScanner(p, ExampleTokenCounter.estimate());
        assertThat(s.files(p.sources().get(0)))
                .extracting(f -> f.getFileName().toString())
                .containsExactly("g.jsonl");
        s.scan(p.sources().get(0), recs::add);
        assertThat(recs)
                .extracting(r -> r.accepted() ? r.category() : r.reason())
                .containsExactly("acute", "red-flag", "missing_category");
        assertThat(recs.get(2).detail()).isEqualTo("g.provenance.jsonl has fewer lines than the data file");
        Inventory inv = Inventory.compute(p, ExampleTokenCounter.estimate());
        assertThat(inv.needs()).singleElement().satisfies(n -> {
            assertThat(n.category()).isEqualTo("red-flag");
            assertThat(n.command()).contains("--provider openai --api-key-env OPENAI_API_KEY --model gpt-x");
        });
    }

    @Test
    void globsExpandSorted() throws Exception {
        Files.createDirectories(dir.resolve("g"));
        Files.writeString(dir.resolve("g/b.jsonl"), ex("x"));
        Files.writeString(dir.resolve("g/a.jsonl"), ex("y") + ex("z"));
        Files.writeString(dir.resolve("g/skip.txt"), "nope\n");
        Project p = ProjectLoader.parse(
                dir.resolve("spotter.yaml"),
                "sources:\n  - {id: g, kind: jsonl, path: 'g/*.jsonl', categoryField: category, targets: {c: 3}}\n",
                Environment.empty());
        SourceScanner s = new SourceScanner(p, ExampleTokenCounter.estimate());
        assertThat(s.files(p.sources().get(0)))
                .extracting(f -> f.getFileName().toString())
                .containsExactly("a.jsonl", "b.jsonl");
        assertThat(Inventory.compute(p, ExampleTokenCounter.estimate())
                        .rows()
                        .get(0)
                        .status())
                .isEqualTo(Inventory.Status.HAVE);
    }
}
