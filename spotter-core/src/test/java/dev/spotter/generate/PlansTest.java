package dev.spotter.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.checks.InjuryExpectation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlansTest {
    @Test
    void bundledPlansHaveTheBriefsExactCounts() {
        assertThat(Plans.bundledNames()).containsExactly("injury", "coach-qa", "running");
        Map<String, Integer> injury = targets(Plans.load("injury"));
        assertThat(injury)
                .containsExactly(
                        Map.entry("acute", 75),
                        Map.entry("chronic-overuse", 150),
                        Map.entry("tendinitis", 100),
                        Map.entry("impingement", 75),
                        Map.entry("doms-false-positive", 100),
                        Map.entry("ambiguous", 75),
                        Map.entry("multi-turn", 150),
                        Map.entry("red-flag", 50),
                        Map.entry("context-dependent", 50));
        assertThat(Plans.load("injury").totalTarget()).isEqualTo(825);
        assertThat(targets(Plans.load("coach-qa")))
                .containsExactly(
                        Map.entry("programming", 300),
                        Map.entry("technique", 200),
                        Map.entry("nutrition", 150),
                        Map.entry("recovery", 150),
                        Map.entry("motivation", 100),
                        Map.entry("multi-turn", 100));
        assertThat(targets(Plans.load("running")))
                .containsExactly(
                        Map.entry("running-advice", 150),
                        Map.entry("cardio-programming", 100),
                        Map.entry("pace-calculations", 72));
        Plan inj = Plans.load("injury");
        assertThat(inj.category("red-flag").expect()).containsExactly(InjuryExpectation.RED_FLAG);
        assertThat(inj.category("doms-false-positive").expect()).containsExactly(InjuryExpectation.DOMS_FALSE_POSITIVE);
        assertThat(inj.category("multi-turn").maxTurns()).isEqualTo(4);
        assertThat(Plans.load("coach-qa").category("nutrition").attributes().get("topic"))
                .as("a quoted value with commas stays one value")
                .contains("supplements (creatine, caffeine, protein powder)");
    }

    @Test
    void everyBundledSlotRendersWithoutPlaceholdersAndCarriesTheContract() {
        for (String name : Plans.bundledNames()) {
            Plan p = Plans.load(name);
            for (Plan.Category c : p.categories()) {
                for (Slot s : Slots.of(p, c)) {
                    String prompt = Prompts.render(c, s);
                    assertThat(prompt)
                            .doesNotContain("{{")
                            .contains("Output kind: " + c.output().wireName())
                            .contains("User turns: " + s.attributes().get("turns"));
                }
            }
        }
    }

    @Test
    void attributesAreBalancedAndDeterministic() {
        Plan p = Plans.load("injury");
        Plan.Category c = p.category("chronic-overuse");
        List<Slot> a = Slots.of(p, c);
        assertThat(a).hasSize(150).isEqualTo(Slots.of(Plans.load("injury"), c));
        for (String dim : List.of("experience", "training", "sex", "user_style")) {
            Map<String, Long> counts =
                    a.stream().collect(Collectors.groupingBy(s -> s.attributes().get(dim), Collectors.counting()));
            assertThat(counts.keySet())
                    .containsExactlyInAnyOrderElementsOf(c.attributes().get(dim));
            long min = counts.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(max - min).as(dim).isLessThanOrEqualTo(1);
        }
        // dimensions are shuffled independently: not every slot pairs the same experience with the same region
        long combos = a.stream()
                .map(s -> s.attributes().get("experience") + s.attributes().get("body_region"))
                .distinct()
                .count();
        assertThat(combos).isGreaterThan(20);
        assertThat(a.get(7).customId(3)).isEqualTo("chronic-overuse_7_a3").matches("[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void promptHashChangesWhenATemplateChanges(@TempDir Path dir) throws Exception {
        Path plan = writePlan(dir, "Write about {{topic}}.", "target: 5");
        String h1 = Plans.load(plan.toString()).categories().getFirst().promptHash();
        assertThat(h1)
                .hasSize(64)
                .isEqualTo(Plans.load(plan.toString()).categories().getFirst().promptHash());
        Files.writeString(dir.resolve("t.md"), "Write about {{topic}}, briefly.");
        assertThat(Plans.load(plan.toString()).categories().getFirst().promptHash())
                .isNotEqualTo(h1);
    }

    @Test
    void sourceItemsGetBetweenMinAndMaxSlots(@TempDir Path dir) throws Exception {
        Path plan = writePlan(dir, "Use this material: {{source}} ({{topic}})", """
                target: 12
                    sources:
                      - {id: chunk-a, text: "Squat depth guidance", min: 5, max: 6}
                      - {id: chunk-b, text: "Bench arch guidance", min: 2, max: 10}
                      - {id: chunk-c, file: c.md, min: 1, max: 2}""");
        Files.writeString(dir.resolve("c.md"), "Deadlift hinge guidance");
        Plan p = Plans.load(plan.toString());
        List<Slot> slots = Slots.of(p, p.categories().getFirst());
        Map<String, Integer> per = new HashMap<>();
        slots.forEach(s -> per.merge(s.attributes().get("source_id"), 1, Integer::sum));
        assertThat(per.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
        assertThat(per.get("chunk-a")).isBetween(5, 6);
        assertThat(per.get("chunk-b")).isBetween(2, 10);
        assertThat(per.get("chunk-c")).isBetween(1, 2);
        Slot c = slots.stream()
                .filter(s -> s.attributes().get("source_id").equals("chunk-c"))
                .findFirst()
                .orElseThrow();
        assertThat(Prompts.render(p.categories().getFirst(), c)).contains("Deadlift hinge guidance");
    }

    @Test
    void bundledSamplePlanWithSourcesLoadsFromTheRepository() {
        Plan p = Plans.load("examples/generate/equipment-swaps/plan.yaml");
        Plan.Category c = p.categories().getFirst();
        assertThat(c.sources())
                .extracting(Plan.SourceItem::id)
                .containsExactly("squat-pattern", "push-pattern", "hinge-pattern");
        List<Slot> slots = Slots.of(p, c);
        assertThat(slots)
                .hasSize(12)
                .allSatisfy(s -> assertThat(Prompts.render(c, s))
                        .contains("Source note (" + s.attributes().get("source_id") + ")"));
        assertThat(slots.stream()
                        .filter(s -> s.attributes().get("source_id").equals("hinge-pattern"))
                        .count())
                .isEqualTo(4);
    }

    @Test
    void badPlansFailWithPreciseMessages(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() ->
                        Plans.load(writePlan(dir, "About {{nope}}", "target: 5").toString()))
                .hasMessageContaining("{{nope}}")
                .hasMessageContaining("category 'cat'");
        assertThatThrownBy(() -> Plans.load(writePlan(dir, "x", "target: 0").toString()))
                .hasMessageContaining("target must be");
        assertThatThrownBy(() -> Plans.load(writePlan(dir, "x {{source}}", """
                target: 50
                    sources: [{id: a, text: t, min: 1, max: 3}]""").toString()))
                .hasMessageContaining("outside what its sources allow (1..3)");
        assertThatThrownBy(() -> Plans.load("no-such-plan")).hasMessageContaining("bundled: injury, coach-qa, running");
    }

    static Path writePlan(Path dir, String template, String categoryExtra) throws Exception {
        Files.writeString(dir.resolve("system.md"), "You are Spotter.");
        Files.writeString(dir.resolve("author.md"), "You write training data.");
        Files.writeString(dir.resolve("t.md"), template);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                name: test
                description: test plan
                seed: 1
                system_prompt_file: system.md
                author_prompt_file: author.md
                categories:
                  - id: cat
                    template: t.md
                    attributes: {topic: [a, b, c]}
                    %s
                """.formatted(categoryExtra));
        return plan;
    }

    private static Map<String, Integer> targets(Plan p) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        p.categories().forEach(c -> m.put(c.id(), c.target()));
        return m;
    }
}
