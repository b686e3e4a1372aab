package dev.spotter.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Everything the phase-1 job ships to executors, serialised and deserialised as Spark's default (Java)
 * serialiser does: each copy must still work (a transient field rebuilt, no captured non-serialisable state), and
 * the keys Spark shuffles must hash the same in another JVM (identity or enum hash codes do not).
 */
class ShippedFunctionsTest {
    private static final ValidationSpec SPEC = ValidationSpec.defaults();
    private static final List<InputLine> LINES = List.of(
            line("{\"messages\":[{\"role\":\"user\",\"content\":\"Squat 3x5?\"},"
                    + "{\"role\":\"assistant\",\"content\":\"Yes, at RPE 7.\"}]}"),
            line("{\"messages\":[{\"role\":\"USER\",\"content\":\"x\"},{\"role\":\"assistant\",\"content\":\"y\"}]}"),
            line(""),
            new InputLine("file:/in.jsonl", 9, new byte[] {'{', (byte) 0xC3, '}'}));

    @Test
    void theLineCheckWorksAfterARoundTrip() throws Exception {
        CheckLine f = new CheckLine(SPEC);
        List<LineOutcome> before = new ArrayList<>();
        for (InputLine l : LINES) {
            before.add(f.call(l));
        }

        CheckLine copy = roundTrip(f); // its validator is transient: the copy must build its own
        List<LineOutcome> after = new ArrayList<>();
        for (InputLine l : LINES) {
            after.add(copy.call(l));
        }

        assertThat(after).isEqualTo(before);
        assertThat(after)
                .extracting(LineOutcome::outcome)
                .containsExactly(LineOutcome.ACCEPTED, "unrecognized_role", "blank_line", "invalid_utf8");
        assertThat(copy.spec()).isEqualTo(SPEC);
    }

    @Test
    void theAggregationFunctionsWorkAfterARoundTrip() throws Exception {
        LineOutcome o = new LineOutcome(LineOutcome.ACCEPTED, 42);

        assertThat(roundTrip(new ExactDuplicateCount.CountOne()).call(o)).isEqualTo(new Tuple2<>(o, 1L));
        assertThat(roundTrip(new ExactDuplicateCount.BySize()).call(new Tuple2<>(o, 3L)))
                .isEqualTo(new Tuple2<>(new ExactDuplicateCount.SizeKey(LineOutcome.ACCEPTED, 3), 1L));
        assertThat(roundTrip(new ExactDuplicateCount.Sum()).call(2L, 5L)).isEqualTo(7L);
    }

    @Test
    void theRecordsSurviveARoundTrip() throws Exception {
        for (Object r : List.of(
                LINES.get(0),
                LINES.get(3),
                SPEC,
                new LineOutcome("invalid_json", 0),
                new ExactDuplicateCount.SizeKey("bom", 2),
                new DedupCounts(3, 2, new TreeMap<>(Map.of("bom", 1L)), 1, 1, new TreeMap<>(Map.of(2L, 1L))))) {
            Object copy = roundTrip((Serializable) r);
            assertThat(copy).isNotSameAs(r).isEqualTo(r).hasSameHashCodeAs(r);
        }
    }

    /** Shuffle keys: the hash code a fresh JVM computes for the deserialised key is the one computed here. */
    @Test
    void shuffleKeysHashTheSameInAnotherJvm() throws Exception {
        List<Serializable> keys = List.of(
                new LineOutcome(LineOutcome.ACCEPTED, 0x1234_5678_9ABCL),
                new LineOutcome("over_token_limit", 0),
                new ExactDuplicateCount.SizeKey(LineOutcome.ACCEPTED, 7));
        List<String> args = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (Serializable k : keys) {
            args.add(Base64.getEncoder().encodeToString(bytes(k)));
            expected.append(k.hashCode()).append('\n');
        }

        assertThat(HashInFreshJvm.run(args)).isEqualTo(expected.toString());
    }

    static <T extends Serializable> T roundTrip(T o) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes(o)))) {
            @SuppressWarnings("unchecked")
            T copy = (T) in.readObject();
            return copy;
        }
    }

    static byte[] bytes(Serializable o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    private static InputLine line(String s) {
        return new InputLine(Path.of("in.jsonl").toUri().toString(), 0, s.getBytes(StandardCharsets.UTF_8));
    }
}
