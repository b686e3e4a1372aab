package dev.spotter.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.spark.BuildRecords.Dedupped;
import dev.spotter.spark.BuildRecords.Fault;
import dev.spotter.spark.BuildRecords.FileTask;
import dev.spotter.spark.BuildRecords.Ingested;
import dev.spotter.spark.BuildRecords.MoveKey;
import dev.spotter.spark.BuildRecords.Placed;
import dev.spotter.spark.BuildRecords.Scrubbed;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * What the distributed build ({@link SparkBuild}) ships to executors: every function class is serialisable with
 * only serialisable state, works after a Java-serialisation round trip (as Spark's default serialiser ships it),
 * and its shuffle keys hash the same in another JVM.
 */
class BuildShippedTest {
    private static final String PROJECT =
            java.nio.file.Path.of("examples/spotter.yaml").toAbsolutePath().toString();
    private static final String LINE = "{\"id\":\"voice:data/x.jsonl:3\",\"src\":\"voice\",\"cat\":\"voice_parsing\","
            + "\"file\":\"data/x.jsonl\",\"line\":3,\"tok\":40,\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"bench 3 sets of 5 at 100 kilos, mail me at a@example.com\"},{\"role\":\"assistant\",\"content\":"
            + "\"{\\\"type\\\":\\\"strength\\\"}\"}]}";

    /** Every class in the build's stages that implements one of Spark's function interfaces. */
    private static List<Class<?>> shippedClasses() {
        return Stream.of(Stages.class, Components.class, SparkBuild.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredClasses()))
                .filter(c -> Arrays.stream(c.getInterfaces())
                        .anyMatch(i -> i.getPackageName().equals("org.apache.spark.api.java.function")))
                .toList();
    }

    @Test
    void everyShippedFunctionHoldsOnlySerialisableState() {
        List<Class<?>> shipped = shippedClasses();
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(20);
        List<String> problems = new ArrayList<>();
        for (Class<?> c : shipped) {
            if (!Serializable.class.isAssignableFrom(c)) {
                problems.add(c.getName() + " is not Serializable");
            }
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                boolean ok = Modifier.isStatic(m)
                        || Modifier.isTransient(m)
                        || f.getType().isPrimitive()
                        || Serializable.class.isAssignableFrom(f.getType());
                if (!ok) {
                    problems.add(c.getName() + "." + f.getName() + " is a "
                            + f.getType().getName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theStagesWorkAfterARoundTrip() throws Exception {
        Stages.DedupKeys keys = ShippedFunctionsTest.roundTrip(new Stages.DedupKeys(PROJECT));
        long[] k = keys.call(List.of(new Tuple2<>(5L, LINE)).iterator()).next()._2();
        long[] again = new Stages.DedupKeys(PROJECT)
                .call(List.of(new Tuple2<>(5L, LINE)).iterator())
                .next()
                ._2();
        assertThat(k).hasSize(17).containsExactly(again); // exact hash + 16 bands at 0.85, 128 permutations

        Scrubbed scrubbed = ShippedFunctionsTest.roundTrip(new Stages.Scrub(PROJECT, null))
                .call(List.of(new Tuple2<>(5L, LINE)).iterator())
                .next()
                ._2();
        assertThat(scrubbed.line()).doesNotContain("a@example.com").contains("\"pii\":{\"email\":1}");
        assertThat(scrubbed.before()).isEqualTo(LINE); // the report's PII sample shows the line before

        Tuple2<Long, Iterable<Tuple2<Long, String>>> component =
                new Tuple2<>(5L, List.of(new Tuple2<>(9L, LINE.replace(":3\"", ":4\"")), new Tuple2<>(5L, LINE)));
        List<Tuple2<Long, Dedupped>> verdicts = new ArrayList<>();
        ShippedFunctionsTest.roundTrip(new Stages.DedupReplay(PROJECT))
                .call(component)
                .forEachRemaining(verdicts::add);
        assertThat(verdicts).extracting(Tuple2::_1).containsExactly(5L, 9L); // replayed in global order
        assertThat(verdicts.get(0)._2().kept()).isTrue();
        assertThat(verdicts.get(1)._2().line())
                .contains("\"reason\":\"exact_duplicate\"", "\"keptId\":\"voice:data/x.jsonl:3\"");

        Map<String, Long> cuts = new HashMap<>(Map.of("voice\u0000voice_parsing", Long.MAX_VALUE));
        List<Placed> placed = new ArrayList<>();
        ShippedFunctionsTest.roundTrip(new Stages.Place(PROJECT, cuts))
                .call(component)
                .forEachRemaining(placed::add);
        // a group of two near-identical records is split as one unit: both in validation here, no leakage
        assertThat(placed).extracting(Placed::validation).containsExactly(true, true);

        assertThat(ShippedFunctionsTest.roundTrip(new Components.StarLinks())
                        .call(new Tuple2<>(1L, List.of(9L, 5L, 7L))))
                .toIterable()
                .containsExactly(new Tuple2<>(9L, 5L), new Tuple2<>(7L, 5L)); // a star from the key's smallest
        assertThat(ShippedFunctionsTest.roundTrip(new Components.StarLinks()).call(new Tuple2<>(1L, List.of(9L))))
                .toIterable()
                .isEmpty(); // a key of one record links nothing
        assertThat(ShippedFunctionsTest.roundTrip(new Components.KeyEdges())
                        .call(new Tuple2<>(9L, new long[] {4, 3, 4})))
                .toIterable()
                .containsExactly(new Tuple2<>(3L, 9L), new Tuple2<>(4L, 9L)); // a record's repeated key: one edge
        Components.Labels labels =
                ShippedFunctionsTest.roundTrip(new Components.Labels(new long[] {5, 9}, new long[] {5, 5}));
        assertThat(labels.label(9)).isEqualTo(5);
        assertThat(labels.linked(7)).isFalse();
        assertThat(labels.label(7)).isEqualTo(7);
    }

    @Test
    void theRecordsSurviveARoundTripAndShuffleKeysHashByValue() throws Exception {
        for (Serializable r : List.of(
                new FileTask(1, 2, "/p/a.jsonl", "a.jsonl", true),
                new Ingested(7, true, LINE, -3, null, null),
                new Ingested(8, false, LINE, -3, "invalid_json", "a.jsonl:8: invalid_json (not valid JSON)"),
                new Dedupped(false, "{}", 5),
                new Placed(7, LINE, true, 2, "{}", true),
                new Scrubbed(LINE, null),
                new MoveKey(2, 7),
                new Fault("scrub", 1))) {
            assertThat((Object) ShippedFunctionsTest.roundTrip(r))
                    .isNotSameAs(r)
                    .isEqualTo(r)
                    .hasSameHashCodeAs(r);
        }
        MoveKey key = new MoveKey(3, BuildRecords.ord(2, 1, 99));
        assertThat(HashInFreshJvm.run(List.of(Base64.getEncoder().encodeToString(ShippedFunctionsTest.bytes(key)))))
                .isEqualTo(key.hashCode() + "\n");
    }
}
