package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.format.ChatJson;
import dev.spotter.project.Project;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
    private static final Project.Dedup SETTINGS = new Project.Dedup(0.85, 0.7, "word", 3, 128);

    private static Deduplicator.Verdict offer(Deduplicator d, String user) {
        return d.offer(ChatJson.parse("{\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                + "\"},{\"role\":\"assistant\",\"content\":\"noted\"}]}"));
    }

    @Test
    void keepsTheFirstAndNamesItForEveryLaterDuplicate() {
        Deduplicator d = new Deduplicator(SETTINGS, 16);
        String base = BuildFixture.words(1, 40);
        assertThat(offer(d, base)).isEqualTo(new Deduplicator.Verdict(Deduplicator.Kind.KEPT, 0, 1.0));
        assertThat(offer(d, BuildFixture.words(2, 40)).ordinal()).isEqualTo(1);
        // the same text after normalisation (case, whitespace)
        assertThat(offer(d, "  " + base.toUpperCase() + " "))
                .isEqualTo(new Deduplicator.Verdict(Deduplicator.Kind.EXACT, 0, 1.0));
        // one word more: 3-shingle Jaccard 38/39
        Deduplicator.Verdict near = offer(d, base + " please");
        assertThat(near.kind()).isEqualTo(Deduplicator.Kind.NEAR);
        assertThat(near.ordinal()).isZero();
        assertThat(near.similarity()).isGreaterThanOrEqualTo(0.85).isLessThan(1.0);
        // a later copy of that near duplicate is an exact duplicate of the same kept example
        assertThat(offer(d, base + " please")).isEqualTo(new Deduplicator.Verdict(Deduplicator.Kind.EXACT, 0, 1.0));
        assertThat(offer(d, BuildFixture.words(3, 40)).kind()).isEqualTo(Deduplicator.Kind.KEPT);
        assertThat(d.bytes()).isPositive();
        assertThat(d.bands() * d.rows()).isLessThanOrEqualTo(128);
    }
}
