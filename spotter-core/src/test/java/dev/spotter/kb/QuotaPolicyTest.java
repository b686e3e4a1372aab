package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuotaPolicyTest {
    @Test
    void briefsQuotasOnTheSampleGiveExactCategoryTotals() throws Exception {
        List<QuotaPolicy.ChunkQuota> plan = QuotaPolicy.defaults().plan(SampleKbTest.sample());
        Map<String, Integer> totals = plan.stream()
                .collect(Collectors.groupingBy(
                        q -> q.category().name(), Collectors.summingInt(QuotaPolicy.ChunkQuota::target)));
        assertThat(totals)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "mvq",
                        50,
                        "experience_classification",
                        50,
                        "decision_trees",
                        30,
                        "equipment_substitutions",
                        12,
                        "injury_modifications",
                        12,
                        "customization_examples",
                        5));
        for (QuotaPolicy.ChunkQuota q : plan) {
            assertThat(q.target()).isBetween(q.min(), q.max());
        }
        assertThat(plan.stream()
                        .filter(q -> q.category().name().equals("customization_examples"))
                        .allMatch(q -> q.multiTurn() == q.target()))
                .isTrue();
        assertThat(plan.stream()
                        .filter(q -> q.category().name().equals("decision_trees"))
                        .mapToInt(QuotaPolicy.ChunkQuota::multiTurn)
                        .sum())
                .isEqualTo(16);
        assertThat(plan.stream()
                        .filter(q -> q.category().name().equals("mvq"))
                        .mapToInt(QuotaPolicy.ChunkQuota::multiTurn)
                        .sum())
                .isZero();
    }

    @Test
    void clampsToMinAndMaxWhenATableHasManyOrFewChunks() {
        List<KbChunk> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new KbChunk(Integer.toString(i), true, "MVQ", "t", "c", null, null));
        }
        assertThat(QuotaPolicy.defaults().plan(many)).allMatch(q -> q.target() == 5); // 50/20 = 2.5 → min 5
        List<KbChunk> one = List.of(new KbChunk("1", true, "Injury Modifications", "t", "c", null, null));
        assertThat(QuotaPolicy.defaults().plan(one).get(0).target()).isEqualTo(5); // 12 → max 5; alias + case
    }

    @Test
    void unknownCategoryAndBadPolicyFailFastWithPreciseMessages() throws Exception {
        List<KbChunk> odd = List.of(new KbChunk("9", true, "nutrition", "t", "c", null, null));
        assertThatThrownBy(() -> QuotaPolicy.defaults().plan(odd))
                .hasMessageStartingWith("no quota for the category of chunk 9 (nutrition); known categories: [mvq,");
        var yaml = new ObjectMapper(new YAMLFactory());
        assertThatThrownBy(() ->
                        QuotaPolicy.parse(yaml.readTree("categories: [{name: a, min: 5, max: 3, total: 1}]"), "p.yaml"))
                .hasMessage("p.yaml: category #1: category a: need 1 <= min <= max, got min 5, max 3");
        assertThatThrownBy(() -> QuotaPolicy.parse(yaml.readTree("categories: [{name: a, min: 1, max: 3}]"), "p.yaml"))
                .hasMessage("p.yaml: category #1: missing \"total\"");
        assertThatThrownBy(() -> QuotaPolicy.parse(
                        yaml.readTree(
                                "categories: [{name: a, min: 1, max: 3, total: 2}, {name: b, aliases: [A], min: 1, max: 3, total: 2}]"),
                        "p.yaml"))
                .hasMessageContaining("\"A\" is used by both a and b");
    }
}
