package dev.spotter.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExerciseCatalogTest {
    /** Verbatim from the voice contract ("canonical names that must exist"). */
    static final List<String> CONTRACT_NAMES = List.of(
            "Barbell Bench Press",
            "Incline Barbell Bench Press",
            "Decline Barbell Bench Press",
            "Close-Grip Bench Press",
            "Paused Bench Press",
            "Spoto Press",
            "Floor Press",
            "Dumbbell Bench Press",
            "Incline Dumbbell Press",
            "Machine Chest Press",
            "Cable Fly",
            "Pec Deck",
            "Push-Up",
            "Dip",
            "Barbell Back Squat",
            "Front Squat",
            "Box Squat",
            "Pin Squat",
            "Hack Squat",
            "Smith Machine Squat",
            "Goblet Squat",
            "Bulgarian Split Squat",
            "Leg Press",
            "Leg Extension",
            "Leg Curl",
            "Nordic Curl",
            "Walking Lunge",
            "Step-Up",
            "Calf Raise",
            "Deadlift",
            "Sumo Deadlift",
            "Trap Bar Deadlift",
            "Romanian Deadlift",
            "Deficit Deadlift",
            "Rack Pull",
            "Good Morning",
            "Hip Thrust",
            "Glute Bridge",
            "Overhead Press",
            "Dumbbell Shoulder Press",
            "Arnold Press",
            "Z Press",
            "Landmine Press",
            "Dumbbell Lateral Raise",
            "Reverse Fly",
            "Upright Row",
            "Face Pull",
            "Barbell Shrug",
            "Dumbbell Shrug",
            "Barbell Row",
            "Pendlay Row",
            "Dumbbell Row",
            "T-Bar Row",
            "Seated Cable Row",
            "Chest-Supported Row",
            "Lat Pulldown",
            "Pull-Up",
            "Chin-Up",
            "Barbell Curl",
            "Dumbbell Curl",
            "Hammer Curl",
            "Preacher Curl",
            "Concentration Curl",
            "Skull Crusher",
            "Triceps Pushdown",
            "Power Clean",
            "Hang Clean",
            "Snatch",
            "Clean and Jerk",
            "Kettlebell Swing");

    final ExerciseCatalog cat = ExerciseCatalog.bundled();

    @Test
    void hasAtLeast150ExercisesWithKebabIdsAndUniqueNames() {
        assertThat(cat.size()).isGreaterThanOrEqualTo(150);
        Set<String> names = new HashSet<>();
        for (Exercise e : cat.all()) {
            assertThat(e.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(names.add(e.name())).as("duplicate name %s", e.name()).isTrue();
            assertThat(e.equipment()).isNotBlank();
            assertThat(e.pattern()).isNotBlank();
        }
    }

    @Test
    void everyContractNameExistsVerbatim() {
        Set<String> names = new HashSet<>();
        cat.all().forEach(e -> names.add(e.name()));
        assertThat(names).containsAll(CONTRACT_NAMES);
    }

    @Test
    void contractShortcutsResolve() {
        assertThat(cat.lookup("bench").orElseThrow().id()).isEqualTo("barbell-bench-press");
        assertThat(cat.lookup("squat").orElseThrow().id()).isEqualTo("barbell-back-squat");
        assertThat(cat.lookup("RDL").orElseThrow().id()).isEqualTo("romanian-deadlift");
        assertThat(cat.lookup("OHP").orElseThrow().id()).isEqualTo("overhead-press");
        assertThat(cat.lookup("comp bench").orElseThrow().id()).isEqualTo("paused-bench-press");
        assertThat(cat.lookup("db rows").orElseThrow().id()).isEqualTo("dumbbell-row");
        assertThat(cat.lookup("bb row").orElseThrow().id()).isEqualTo("barbell-row");
        assertThat(cat.lookup("kb swings").orElseThrow().id()).isEqualTo("kettlebell-swing");
        assertThat(cat.lookup("Pull-ups").orElseThrow().id()).isEqualTo("pull-up");
        assertThat(cat.lookup("barbell-bench-press").orElseThrow().name()).isEqualTo("Barbell Bench Press");
        assertThat(cat.lookup("zumba")).isEmpty();
    }

    @Test
    void aliasClaimedByTwoExercisesFailsFastNamingBoth() {
        String yaml = """
                exercises:
                - {id: a-one, name: A One, equipment: barbell, pattern: squat, load: loaded, aliases: [thing]}
                - {id: b-two, name: B Two, equipment: barbell, pattern: squat, load: loaded, aliases: [Thing]}
                """;
        assertThatThrownBy(() -> ExerciseCatalog.load(in(yaml), "test.yaml"))
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("'b-two'")
                .hasMessageContaining("'a-one'");
    }

    @Test
    void badIdAndBadLoadAreRejectedWithTheEntry() {
        String badId = "exercises:\n- {id: Bad_Id, name: X, equipment: barbell, pattern: squat, load: loaded}\n";
        assertThatThrownBy(() -> ExerciseCatalog.load(in(badId), "c.yaml")).hasMessageContaining("not kebab-case");
        String badLoad = "exercises:\n- {id: x, name: X, equipment: barbell, pattern: squat, load: heavy}\n";
        assertThatThrownBy(() -> ExerciseCatalog.load(in(badLoad), "c.yaml"))
                .hasMessageContaining("exercise #1 (x)")
                .hasMessageContaining("load");
    }

    @Test
    void eachCatalogHasItsOwnFuzzyIndexBuiltOnce() throws Exception {
        // The index was a static cache for the last catalog used: with two catalogs in one process each lookup
        // rebuilt it, and a reader could see one catalog's vocabulary with another's deletion index.
        ExerciseCatalog a = ExerciseCatalog.load(
                in("exercises:\n- {id: zercher-thing, name: Zercher Thing, equipment: barbell, pattern: squat,"
                        + " load: loaded}\n"),
                "a.yaml");
        ExerciseCatalog b = ExerciseCatalog.load(
                in("exercises:\n- {id: pallof-thing, name: Pallof Thing, equipment: cable, pattern: core,"
                        + " load: loaded}\n"),
                "b.yaml");
        assertThat(a.fuzzy()).isSameAs(a.fuzzy()).isNotSameAs(b.fuzzy());
        VoiceParser pa = VoiceParser.builder().catalog(a).build();
        VoiceParser pb = VoiceParser.builder().catalog(b).build();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 200; i++) {
                    if (!(pa.parse("zerchr thing 100 for 5") instanceof StrengthSet sa)
                            || !sa.exerciseId().equals("zercher-thing")
                            || !(pb.parse("palof thing 30 for 10") instanceof StrengthSet sb)
                            || !sb.exerciseId().equals("pallof-thing")) {
                        wrong.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(wrong.get()).isZero();
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
