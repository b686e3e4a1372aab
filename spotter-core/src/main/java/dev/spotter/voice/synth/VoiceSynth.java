package dev.spotter.voice.synth;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.voice.CardioLog;
import dev.spotter.voice.DistanceUnit;
import dev.spotter.voice.Exercise;
import dev.spotter.voice.Intervals;
import dev.spotter.voice.StrengthSet;
import dev.spotter.voice.VoiceContext;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.VoiceResult;
import dev.spotter.voice.WeightUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates voice-logging chat examples whose labels are right by construction: the generator picks the values
 * (exercise, weight, reps, …), renders an utterance from them (aliases, spoken or digit numbers, word order,
 * fillers, units, plates, RPE/RIR forms, multi-turn context references) and writes the label from the values.
 * Each example is then parsed back; when the parser disagrees with the values on any field, the example is
 * rejected and regenerated (counted in {@link Stats#roundTripRejects}). Exact duplicate utterances are
 * regenerated too. Deterministic: the same seed and options give byte-identical output.
 *
 * <p>Memory: one 64-bit hash per accepted example (duplicate check), plus a bounded sample for the near-duplicate
 * measurement; output is streamed to the consumer.
 */
public final class VoiceSynth {
    /** System prompt of every generated example (the brief's voice-parser prompt, spelled out). */
    public static final String SYSTEM_PROMPT = "You are a voice command parser for workout logging. Convert the "
            + "user's spoken workout log into one JSON object: for a strength set {type, exercise_id, exercise_name, "
            + "weight, weight_unit, reps, sets, rpe, rir, confidence}; for a run {type, activity, workout_type, "
            + "distance, distance_unit, duration_s, pace_s_per_unit, pace_unit, intervals, confidence}; if you cannot "
            + "understand it, {type: \"unparsed\", reason, confidence: 0}. Use the previous set for references like "
            + "\"same weight\". Reply with the JSON only.";

    /** What to generate. */
    public enum Kind {
        STRENGTH,
        CARDIO,
        MIXED
    }

    /** Generation counters. */
    public static final class Stats {
        public long written;
        public long roundTripRejects;
        public long duplicateRetries;
        public long multiTurn;
        public long cardio;
        public long nearDupSampled;
        public long nearDupPairs;
        public long nearDupItems;

        @Override
        public String toString() {
            return String.format(
                    "written %d (%d cardio, %d multi-turn); round-trip rejects %d; duplicate retries %d;"
                            + " near-duplicates (Jaccard >= 0.8 on word 3-shingles, %d items sampled): %d pairs, %d items"
                            + " (%.2f%%)",
                    written,
                    cardio,
                    multiTurn,
                    roundTripRejects,
                    duplicateRetries,
                    nearDupSampled,
                    nearDupPairs,
                    nearDupItems,
                    nearDupSampled == 0 ? 0.0 : 100.0 * nearDupItems / nearDupSampled);
        }
    }

    private final VoiceParser parser;
    private final List<Exercise> exercises;
    private static final int NEAR_DUP_SAMPLE = 2000;
    private static final int MAX_TRIES = 200;

    public VoiceSynth(VoiceParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.exercises = parser.catalog().all();
    }

    /** Generates {@code count} examples into {@code sink}; returns the counters. */
    public Stats generate(int count, long seed, Kind kind, Consumer<ChatExample> sink) {
        if (count < 0) {
            throw new ConfigurationException("count must be >= 0, was " + count);
        }
        Objects.requireNonNull(kind, "kind");
        SplittableRandom rng = new SplittableRandom(seed);
        Stats st = new Stats();
        Set<Long> seen = new HashSet<>();
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean cardio = kind == Kind.CARDIO || (kind == Kind.MIXED && rng.nextInt(4) == 0);
            ChatExample ex = null;
            for (int t = 0; t < MAX_TRIES && ex == null; t++) {
                Draft d = cardio ? cardio(rng) : strength(rng);
                if (d == null) {
                    st.roundTripRejects++;
                    continue;
                }
                long h = hash(d.lastUtterance());
                if (!seen.add(h)) {
                    st.duplicateRetries++;
                    continue;
                }
                ex = d.example();
                if (d.multiTurn()) {
                    st.multiTurn++;
                }
                if (sample.size() < NEAR_DUP_SAMPLE) {
                    sample.add(d.lastUtterance());
                }
            }
            if (ex == null) {
                throw new IllegalStateException("could not generate a new, round-trip-clean example after " + MAX_TRIES
                        + " tries (count too large for the template space?)");
            }
            if (cardio) {
                st.cardio++;
            }
            sink.accept(ex);
            st.written++;
        }
        NearDuplicates.Result nd = NearDuplicates.measure(sample, 0.8);
        st.nearDupSampled = sample.size();
        st.nearDupPairs = nd.pairs();
        st.nearDupItems = nd.items();
        return st;
    }

    private record Draft(ChatExample example, String lastUtterance, boolean multiTurn) {}

    // ------------------------------------------------------------------ strength

    private Draft strength(SplittableRandom rng) {
        Exercise e = exercises.get(rng.nextInt(exercises.size()));
        boolean kg = rng.nextInt(5) == 0;
        WeightUnit unit = kg ? WeightUnit.KG : WeightUnit.LB;
        Double weight = null;
        if (!e.bodyweight()) {
            weight = weightFor(e, kg, rng);
        } else if (rng.nextInt(4) == 0) {
            // added load on a bodyweight move ("pull ups plus 45")
            weight = (double) (kg ? 5 + 5 * rng.nextInt(8) : 10 + 5 * rng.nextInt(15));
        }
        int reps = 1 + rng.nextInt(rng.nextBoolean() ? 8 : 20);
        int sets = rng.nextInt(4) == 0 ? 2 + rng.nextInt(4) : 1;
        Double rpe = null;
        Integer rir = null;
        int rpeForm = rng.nextInt(10);
        if (rpeForm < 4) {
            rpe = 6 + rng.nextInt(9) * 0.5;
        } else if (rpeForm == 4) {
            rir = rng.nextInt(5);
            rpe = 10.0 - rir;
        }
        StringBuilder u = new StringBuilder();
        filler(rng, u);
        String alias = alias(e, rng);
        String wText = weight == null ? null : weightText(weight, kg, e, rng);
        String rText = number(reps, rng);
        int order = rng.nextInt(6);
        if (weight == null) {
            String plain = e.bodyweight() && rng.nextInt(3) == 0 ? " bodyweight" : "";
            switch (order % 3) {
                case 0 -> u.append(alias).append(plain).append(" for ").append(rText);
                case 1 ->
                    u.append(alias).append(plain).append(' ').append(rText).append(" reps");
                default -> u.append(rText).append(' ').append(alias);
            }
        } else if (e.bodyweight()) {
            u.append(alias)
                    .append(rng.nextBoolean() ? " plus " : " with ")
                    .append(wText)
                    .append(" for ")
                    .append(rText);
        } else {
            if (weight <= 12 && (order == 2 || order == 3)) {
                // "4 reps at 10" reads as RPE 10 and "10 x 6" as sets × reps: say light weights with "for"
                order = 0;
            }
            switch (order) {
                case 0 ->
                    u.append(alias).append(' ').append(wText).append(" for ").append(rText);
                case 1 ->
                    u.append(alias)
                            .append(' ')
                            .append(wText)
                            .append(" for ")
                            .append(rText)
                            .append(" reps");
                case 2 ->
                    u.append(rText)
                            .append(" reps at ")
                            .append(wText)
                            .append(" on ")
                            .append(alias);
                case 3 ->
                    u.append(alias).append(' ').append(wText).append(" x ").append(rText);
                case 4 ->
                    u.append(alias)
                            .append(' ')
                            .append(rText)
                            .append(" reps with ")
                            .append(wText);
                default ->
                    u.append("did ")
                            .append(alias)
                            .append(' ')
                            .append(wText)
                            .append(" for ")
                            .append(rText);
            }
        }
        if (sets > 1) {
            u.append(rng.nextBoolean() ? " for " + number(sets, rng) + " sets" : " " + sets + " sets");
        }
        appendEffort(u, rpe, rir, rng);
        String text = u.toString();
        StrengthSet label = new StrengthSet(
                e.id(),
                e.name(),
                weight,
                weight == null ? null : unit,
                reps,
                sets,
                rpe,
                rir,
                false,
                false,
                0.0,
                List.of());
        VoiceResult r = parser.parse(text, VoiceContext.NONE);
        if (!same(label, r)) {
            debugReject(text, r);
            return null;
        }
        StrengthSet first = (StrengthSet) r;
        if (rng.nextInt(5) == 0) {
            // second turn that refers to the first set
            int reps2 = Math.max(1, reps + rng.nextInt(5) - 2);
            String ref = switch (rng.nextInt(3)) {
                case 0 -> "same weight for " + number(reps2, rng);
                case 1 -> "same thing for " + number(reps2, rng);
                default -> "another set of " + number(reps2, rng);
            };
            StrengthSet label2 = new StrengthSet(
                    e.id(),
                    e.name(),
                    weight,
                    weight == null ? null : unit,
                    reps2,
                    1,
                    null,
                    null,
                    false,
                    false,
                    0.0,
                    List.of());
            VoiceResult r2 = parser.parse(ref, VoiceContext.of(first));
            if (!same(label2, r2)) {
                return null;
            }
            return new Draft(
                    ChatExample.of(
                            ChatMessage.system(SYSTEM_PROMPT),
                            ChatMessage.user(text),
                            ChatMessage.assistant(r.toJson()),
                            ChatMessage.user(ref),
                            ChatMessage.assistant(r2.toJson())),
                    ref + " | " + text,
                    true);
        }
        return new Draft(
                ChatExample.of(
                        ChatMessage.system(SYSTEM_PROMPT), ChatMessage.user(text), ChatMessage.assistant(r.toJson())),
                text,
                false);
    }

    /**
     * A realistic load for the exercise: a range by movement pattern and equipment (lb, step 5; per implement for
     * dumbbells and kettlebells), converted to kg in 2.5 kg steps (2 kg for dumbbells and kettlebells) when kg.
     */
    static double weightFor(Exercise e, boolean kg, SplittableRandom rng) {
        int[] r = rangeLb(e);
        double lb = r[0] + 5 * rng.nextInt((r[1] - r[0]) / 5 + 1);
        if (!kg) {
            return lb;
        }
        boolean perHand = e.equipment().equals("dumbbell") || e.equipment().equals("kettlebell");
        double step = perHand ? 2 : 2.5;
        return Math.max(step, Math.round(lb / 2.2046 / step) * step);
    }

    private static int[] rangeLb(Exercise e) {
        String eq = e.equipment();
        boolean perHand = eq.equals("dumbbell") || eq.equals("kettlebell");
        return switch (e.pattern()) {
            case "squat", "hinge" ->
                perHand
                        ? new int[] {20, 120}
                        : eq.equals("machine") || eq.equals("smith") ? new int[] {90, 720} : new int[] {95, 495};
            case "horizontal-push" ->
                perHand
                        ? new int[] {20, 120}
                        : eq.equals("machine") || eq.equals("cable") ? new int[] {40, 250} : new int[] {65, 365};
            case "vertical-push" -> perHand ? new int[] {15, 90} : new int[] {45, 225};
            case "horizontal-pull", "vertical-pull" -> perHand ? new int[] {20, 130} : new int[] {50, 315};
            case "lunge" -> perHand ? new int[] {15, 80} : new int[] {45, 225};
            case "hip-extension" -> perHand ? new int[] {20, 100} : new int[] {95, 495};
            case "olympic" -> perHand ? new int[] {20, 70} : new int[] {65, 275};
            case "carry" -> perHand ? new int[] {40, 150} : new int[] {90, 600};
            case "shrug" -> perHand ? new int[] {40, 120} : new int[] {135, 495};
            case "knee-extension", "knee-flexion", "hip-isolation" -> new int[] {40, 250};
            case "calf" -> new int[] {45, 315};
            case "core" -> new int[] {10, 90};
            default -> perHand ? new int[] {5, 50} : eq.equals("barbell") ? new int[] {30, 135} : new int[] {10, 120};
        };
    }

    private String weightText(double w, boolean kg, Exercise e, SplittableRandom rng) {
        String unitWord =
                kg ? pick(rng, "kilos", "kg", "kilograms", "kilo") : pick(rng, "pounds", "lbs", "lb", "pounds");
        boolean sayUnit = kg || rng.nextInt(3) == 0;
        boolean barbell = e.equipment().equals("barbell") || e.equipment().equals("trap-bar");
        if (!kg && barbell && rng.nextInt(3) == 0) {
            int plates = (int) ((w - 45) / 90);
            if (plates >= 1 && plates <= 5 && 45 + 90.0 * plates == w) {
                return plates == 1 ? pick(rng, "a plate", "one plate") : number(plates, rng) + " plates";
            }
        }
        if (e.equipment().equals("dumbbell") && !kg && rng.nextInt(3) == 0 && w == Math.rint(w)) {
            return (int) w + "s";
        }
        String n = w == Math.rint(w) ? number((int) w, rng) : Double.toString(w);
        return sayUnit ? n + " " + unitWord : n;
    }

    private static void appendEffort(StringBuilder u, Double rpe, Integer rir, SplittableRandom rng) {
        if (rir != null) {
            u.append(
                    switch (rng.nextInt(3)) {
                        case 0 -> " " + rir + " reps in reserve";
                        case 1 -> " " + words(rir) + " in the tank";
                        default -> " rir " + rir;
                    });
            return;
        }
        if (rpe == null) {
            return;
        }
        String v = rpe == Math.rint(rpe)
                ? (rng.nextBoolean() ? Integer.toString(rpe.intValue()) : words(rpe.intValue()))
                : Double.toString(rpe);
        u.append(
                switch (rng.nextInt(6)) {
                    case 0 -> " at rpe " + v;
                    case 1 -> " at " + article(v) + " " + v;
                    case 2 -> " felt like " + article(v) + " " + v;
                    case 3 -> " r p e " + v;
                    case 4 -> " @" + (rpe == Math.rint(rpe) ? Integer.toString(rpe.intValue()) : Double.toString(rpe));
                    default -> " rpe " + v;
                });
    }

    /** "an 8", "an eight", "a 9": the article people say before the number. */
    private static String article(String v) {
        return v.startsWith("8") || v.startsWith("eight") ? "an" : "a";
    }

    /**
     * The system property {@code spotter.synth.debug=true} ({@code SPOTTER_JAVA_OPTS=-Dspotter.synth.debug=true
     * ./spotter synth-voice ...}) prints each rejected utterance and the parse to stderr (to improve parser or
     * templates).
     */
    private static void debugReject(String text, VoiceResult r) {
        if (Boolean.getBoolean("spotter.synth.debug")) {
            System.err.println("round-trip reject: " + text + " -> " + r.toJson());
        }
    }

    private static boolean same(StrengthSet want, VoiceResult got) {
        return got instanceof StrengthSet s
                && s.exerciseId().equals(want.exerciseId())
                && Objects.equals(s.weight(), want.weight())
                && s.weightUnit() == want.weightUnit()
                && Objects.equals(s.reps(), want.reps())
                && s.sets() == want.sets()
                && Objects.equals(s.rpe(), want.rpe())
                && Objects.equals(s.rir(), want.rir())
                && s.perSide() == want.perSide()
                && s.toFailure() == want.toFailure();
    }

    private static String alias(Exercise e, SplittableRandom rng) {
        List<String> all = e.aliases();
        if (all.isEmpty() || rng.nextInt(4) == 0) {
            return rng.nextBoolean() ? e.name().toLowerCase() : e.name();
        }
        return all.get(rng.nextInt(all.size()));
    }

    private static void filler(SplittableRandom rng, StringBuilder u) {
        if (rng.nextInt(4) == 0) {
            u.append(pick(rng, "um ", "okay ", "so ", "alright ", "just did ", "uh ", "next set ", "log "));
        }
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom rng, T... xs) {
        return xs[rng.nextInt(xs.length)];
    }

    /** Digits or words, as people say gym numbers. */
    static String number(int n, SplittableRandom rng) {
        return rng.nextInt(3) == 0 ? Integer.toString(n) : spoken(n, rng);
    }

    static String spoken(int n, SplittableRandom rng) {
        if (n < 100) {
            return words(n);
        }
        int h = n / 100;
        int t = n % 100;
        if (n >= 1000) {
            return Integer.toString(n);
        }
        if (t == 0) {
            return (h == 1 && rng.nextBoolean() ? "a" : words(h)) + " hundred";
        }
        if (rng.nextInt(3) == 0) {
            return (h == 1 ? "a" : words(h)) + " hundred and " + words(t);
        }
        return t < 10 ? words(h) + " oh " + words(t) : words(h) + " " + words(t);
    }

    private static final String[] ONES = {
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen"
    };
    private static final String[] TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };

    static String words(int n) {
        if (n < 20) {
            return ONES[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
    }

    // ------------------------------------------------------------------ cardio

    private Draft cardio(SplittableRandom rng) {
        String text;
        CardioLog want;
        String prefix = rng.nextInt(5) == 0 ? pick(rng, "just ", "okay ", "um ", "log ") : "";
        switch (rng.nextInt(9)) {
            case 0 -> { // "5 mile run at 8:30 pace"
                int d = 2 + rng.nextInt(12);
                int pace = 360 + 5 * rng.nextInt(60);
                text = d + pick(rng, " mile run at ", " miles at ", " mile run, ") + clock(pace) + " pace";
                want = cardio(null, (double) d, DistanceUnit.MI, null, pace, DistanceUnit.MI, null);
            }
            case 1 -> { // "30 minute easy run"
                int m = 15 + 5 * rng.nextInt(16);
                String type = pick(rng, "easy", "recovery", "tempo", "long", "fartlek");
                text = rng.nextBoolean()
                        ? m + " minute " + type + " run"
                        : type + " run " + number(m, rng) + " minutes";
                want = cardio(type, null, null, m * 60, null, null, null);
            }
            case 2 -> { // "400 meter repeats, 6 times at 1:30"
                int dist = pick(rng, 200, 300, 400, 600, 800, 1000, 1200);
                int reps = 3 + rng.nextInt(10);
                int target = dist * (20 + rng.nextInt(8)) / 100;
                text = dist + pick(rng, " meter repeats, ", " meter repeats ", " meter intervals ") + reps
                        + " times at " + clock(target);
                want = cardio(
                        "intervals",
                        null,
                        null,
                        null,
                        null,
                        null,
                        new Intervals(reps, (double) dist, DistanceUnit.M, target));
            }
            case 3 -> { // "Tempo run 4 miles at 7:45 pace"
                int d = 2 + rng.nextInt(8);
                int pace = 390 + 5 * rng.nextInt(40);
                text = pick(rng, "Tempo run ", "tempo ", "tempo run ") + d + " miles at " + clock(pace) + " pace";
                want = cardio("tempo", (double) d, DistanceUnit.MI, null, pace, DistanceUnit.MI, null);
            }
            case 4 -> { // "8 by 800 at 3:10"
                int dist = pick(rng, 200, 400, 800, 1000, 1600);
                int reps = 4 + rng.nextInt(9);
                int target = dist * (19 + rng.nextInt(8)) / 100;
                text = reps + pick(rng, " by ", " x ") + dist + " at " + clock(target);
                want = cardio(
                        "intervals",
                        null,
                        null,
                        null,
                        null,
                        null,
                        new Intervals(reps, (double) dist, DistanceUnit.M, target));
            }
            case 5 -> { // "ran 10k in 48:30"
                int k = pick(rng, 5, 10, 15, 21);
                int secs = k * (270 + rng.nextInt(120));
                String t = clock(secs);
                text = pick(rng, "ran ", "ran a ", "") + k + "k in " + t;
                want = cardio(null, (double) k, DistanceUnit.KM, secs, null, null, null);
            }
            case 6 -> { // "long run 14 miles"
                int d = 8 + rng.nextInt(14);
                text = pick(rng, "long run ", "long run of ") + d + " miles";
                want = cardio("long", (double) d, DistanceUnit.MI, null, null, null, null);
            }
            case 7 -> { // "hill repeats 8 times 90 seconds"
                int reps = 4 + rng.nextInt(9);
                int s = 15 + 5 * rng.nextInt(20);
                text = "hill repeats " + reps + " times " + s + " seconds";
                want = cardio("hills", null, null, null, null, null, new Intervals(reps, null, null, s));
            }
            default -> { // "easy run 8k at 5:30 per k"
                int k = 3 + rng.nextInt(15);
                int pace = 240 + 5 * rng.nextInt(40);
                String type = pick(rng, "easy", "recovery", "tempo");
                text = type + " run " + k + "k at " + clock(pace) + pick(rng, " per k", " per kilometer", " per km");
                want = cardio(type, (double) k, DistanceUnit.KM, null, pace, DistanceUnit.KM, null);
            }
        }
        text = prefix + text;
        VoiceResult r = parser.parse(text, VoiceContext.NONE);
        if (!(r instanceof CardioLog c) || !sameCardio(want, c)) {
            return null;
        }
        return new Draft(
                ChatExample.of(
                        ChatMessage.system(SYSTEM_PROMPT), ChatMessage.user(text), ChatMessage.assistant(r.toJson())),
                text,
                false);
    }

    private static CardioLog cardio(
            String type, Double d, DistanceUnit du, Integer dur, Integer pace, DistanceUnit pu, Intervals iv) {
        return new CardioLog("run", type, d, du, dur, pace, pu, iv, 0.0, List.of());
    }

    private static boolean sameCardio(CardioLog a, CardioLog b) {
        return a.activity().equals(b.activity())
                && Objects.equals(a.workoutType(), b.workoutType())
                && Objects.equals(a.distance(), b.distance())
                && a.distanceUnit() == b.distanceUnit()
                && Objects.equals(a.durationS(), b.durationS())
                && Objects.equals(a.paceSPerUnit(), b.paceSPerUnit())
                && a.paceUnit() == b.paceUnit()
                && Objects.equals(a.intervals(), b.intervals());
    }

    static String clock(int s) {
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** FNV-1a 64 over the normalised utterance: the duplicate index stores 8 bytes per example. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        String t = s.toLowerCase();
        for (int i = 0; i < t.length(); i++) {
            h ^= t.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
