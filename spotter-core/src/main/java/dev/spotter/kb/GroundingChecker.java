package dev.spotter.kb;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether an answer is grounded in its knowledge-base chunk, with scores that can be reported.
 *
 * <p>Method (lexical, deterministic, no model):
 * <ol>
 *   <li><b>Content words.</b> Text is lower-cased, split into words, stop words and chat filler removed, and each
 *       word reduced by a light suffix stemmer ({@code presses → press}, {@code squatting → squat}). Words that also
 *       occur in the user's turns are left out of the count: echoing the question is neither support nor harm.</li>
 *   <li><b>Support</b> = share of the answer's distinct remaining content words found in the chunk;
 *       <b>bigram support</b> = share of the answer's adjacent content-word pairs found in the chunk. The score is
 *       {@code 0.7 · support + 0.3 · bigram support}; below {@code minScore} the answer <i>ignores the chunk</i>.</li>
 *   <li><b>Numbers.</b> An enumeration label the chunk has is a reference, not a quantity: a number after a
 *       label word ("rule 5", "step 3", "day 2") is backed when the chunk numbers a list item with it ({@code "5. "}
 *       at a line start) or writes the same label with it ("Step 3", "Days 1-4"). Every other number or range in the answer (with its unit when one follows or, for RPE, precedes it:
 *       sets, reps, kg, %, weeks, …) must be backed by the chunk: the same value, a range endpoint, or a value or
 *       sub-range inside one of the chunk's ranges with a compatible unit. Numbers from the user's turns and
 *       list markers ({@code "1. "}) are exempt. A number with a unit that the chunk gives only with other values
 *       for that unit is a <i>conflict</i> ("20 sets" where the chunk says "6 to 10 sets"); any other unbacked
 *       number is <i>unsupported</i>. Either rejects the answer: a training-science figure the chunk does not
 *       give is exactly what must not be learned from a knowledge-base example.</li>
 * </ol>
 * Limits: it does not understand negation ("do not" vs "do") or paraphrase with entirely new words; those show as
 * low support rather than as contradictions. Thresholds and measured accuracy are in docs/areas/kb.md.
 *
 * <pre>{@code
 * GroundingChecker g = GroundingChecker.builder().minScore(0.5).build();
 * GroundingChecker.Result r = g.check(chunk.content(), List.of(question), answer);
 * }</pre>
 */
public final class GroundingChecker {
    /** Why an answer was judged not grounded. */
    public enum Verdict {
        GROUNDED,
        IGNORES_CHUNK,
        UNSUPPORTED_NUMBER,
        CONFLICTING_NUMBER,
        EMPTY_ANSWER
    }

    /**
     * The outcome for one answer (or, from {@link #check(String, ChatExample)}, the worst assistant turn).
     *
     * @param support       share of distinct answer content words found in the chunk, 0..1
     * @param bigramSupport share of answer content-word bigrams found in the chunk, 0..1
     * @param score         {@code 0.7 · support + 0.3 · bigramSupport}
     * @param problems      the unbacked numbers, each with a short explanation
     */
    public record Result(Verdict verdict, double score, double support, double bigramSupport, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean grounded() {
            return verdict == Verdict.GROUNDED;
        }

        /** One line for a quarantine file. */
        public String reason() {
            return switch (verdict) {
                case GROUNDED -> "grounded";
                case EMPTY_ANSWER -> "answer has no content words";
                case IGNORES_CHUNK ->
                    String.format(Locale.ROOT, "answer ignores the chunk (score %.2f, support %.2f)", score, support);
                case UNSUPPORTED_NUMBER, CONFLICTING_NUMBER ->
                    (verdict == Verdict.CONFLICTING_NUMBER
                                    ? "answer contradicts the chunk: "
                                    : "answer states numbers the chunk does not: ")
                            + String.join("; ", problems);
            };
        }
    }

    private final double minScore;
    private final int minContentWords;

    private GroundingChecker(Builder b) {
        this.minScore = b.minScore;
        this.minContentWords = b.minContentWords;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the thresholds measured on the labelled pairs (see docs/areas/kb.md). */
    public static final class Builder {
        private double minScore = 0.55;
        private int minContentWords = 3;

        private Builder() {}

        /** Minimum combined score in [0, 1] (default 0.55). */
        public Builder minScore(double v) {
            if (!(v >= 0 && v <= 1)) {
                throw ConfigurationException.forParameter("minScore", "must be in [0, 1], was " + v);
            }
            this.minScore = v;
            return this;
        }

        /** Answers with fewer content words than this are rejected as empty (default 3). */
        public Builder minContentWords(int v) {
            if (v < 1) {
                throw ConfigurationException.forParameter("minContentWords", "must be >= 1, was " + v);
            }
            this.minContentWords = v;
            return this;
        }

        public GroundingChecker build() {
            return new GroundingChecker(this);
        }
    }

    /** Checks every assistant turn of {@code example} against {@code chunk}; returns the lowest-scoring turn's result. */
    public Result check(String chunk, ChatExample example) {
        List<String> user = new ArrayList<>();
        Result worst = null;
        for (ChatMessage m : example.messages()) {
            if (m.role() == Role.USER) {
                user.add(m.content());
            } else if (m.role() == Role.ASSISTANT) {
                Result r = check(chunk, user, m.content());
                if (worst == null || rank(r) < rank(worst) || (rank(r) == rank(worst) && r.score() < worst.score())) {
                    worst = r;
                }
            }
        }
        return worst == null ? new Result(Verdict.EMPTY_ANSWER, 0, 0, 0, List.of("no assistant turn")) : worst;
    }

    private static int rank(Result r) {
        return r.grounded() ? 1 : 0;
    }

    /** Checks one answer against the chunk; {@code userTurns} are the user's messages so far. */
    public Result check(String chunk, List<String> userTurns, String answer) {
        Text c = Text.of(chunk);
        Set<String> userWords = new HashSet<>();
        List<Num> userNums = new ArrayList<>();
        for (String u : userTurns) {
            Text t = Text.of(u);
            userWords.addAll(t.words);
            userNums.addAll(t.numbers);
        }
        Text a = Text.of(answer);
        Set<String> distinct = new LinkedHashSet<>();
        for (String w : a.words) {
            if (!userWords.contains(w)) {
                distinct.add(w);
            }
        }
        if (a.words.size() < minContentWords) {
            return new Result(Verdict.EMPTY_ANSWER, 0, 0, 0, List.of());
        }
        Set<String> chunkWords = new HashSet<>(c.words);
        int hit = 0;
        for (String w : distinct) {
            if (chunkWords.contains(w)) {
                hit++;
            }
        }
        double support = distinct.isEmpty() ? 1.0 : (double) hit / distinct.size();
        Set<String> chunkBigrams = new HashSet<>(c.bigrams());
        List<String> bigrams = a.bigrams();
        int bhit = 0;
        int bcount = 0;
        for (String b : bigrams) {
            String[] parts = b.split(" ");
            if (userWords.contains(parts[0]) && userWords.contains(parts[1])) {
                continue;
            }
            bcount++;
            if (chunkBigrams.contains(b)) {
                bhit++;
            }
        }
        double bigramSupport = bcount == 0 ? support : (double) bhit / bcount;
        double score = 0.7 * support + 0.3 * bigramSupport;

        if (score < minScore) {
            return new Result(Verdict.IGNORES_CHUNK, score, support, bigramSupport, List.of());
        }
        List<String> conflicts = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (Num n : a.numbers) {
            if (c.enumerates(n)
                    || backed(n, c.numbers)
                    || backedByUser(n, userNums)
                    || derived(n, userNums, c.numbers)) {
                continue;
            }
            List<Num> sameUnit = n.unit == null
                    ? List.of()
                    : c.numbers.stream().filter(m -> n.unit.equals(m.unit)).toList();
            if (!sameUnit.isEmpty()) {
                conflicts.add("\"" + n.text + "\" where the chunk says "
                        + String.join(
                                ", ",
                                sameUnit.stream()
                                        .map(m -> "\"" + m.text + "\"")
                                        .distinct()
                                        .limit(3)
                                        .toList()));
            } else {
                unsupported.add("\"" + n.text + "\"");
            }
        }
        if (!conflicts.isEmpty()) {
            List<String> all = new ArrayList<>(conflicts);
            all.addAll(unsupported);
            return new Result(Verdict.CONFLICTING_NUMBER, score, support, bigramSupport, all);
        }
        if (!unsupported.isEmpty()) {
            return new Result(Verdict.UNSUPPORTED_NUMBER, score, support, bigramSupport, unsupported);
        }
        return new Result(Verdict.GROUNDED, score, support, bigramSupport, List.of());
    }

    private static boolean backed(Num n, List<Num> chunk) {
        for (Num m : chunk) {
            boolean unitOk = n.unit == null || m.unit == null || n.unit.equals(m.unit);
            if (!unitOk) {
                continue;
            }
            if (n.lo == m.lo && n.hi == m.hi) {
                return true;
            }
            if (!n.isRange() && (n.lo == m.lo || n.lo == m.hi)) {
                return true;
            }
            if (m.isRange()
                    && n.lo >= m.lo
                    && n.hi <= m.hi
                    && (n.unit != null && n.unit.equals(m.unit) || !n.isRange())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Numbers computed from the user's own figures with the chunk's rules: "reset by 10 percent" applied to the
     * user's 100 kg gives 90 kg; "add 2.5 to 5 kg" gives 102.5 to 105 kg. Accepted within 2.5% (plate rounding).
     */
    private static boolean derived(Num n, List<Num> user, List<Num> chunk) {
        if (n.isRange() || user.isEmpty()) {
            return false;
        }
        for (Num u : user) {
            for (double uv : new double[] {u.lo, u.hi}) {
                for (Num m : chunk) {
                    for (double k : new double[] {m.lo, m.hi}) {
                        List<Double> candidates = new ArrayList<>();
                        if ("%".equals(m.unit)) {
                            candidates.add(uv * k / 100);
                            candidates.add(uv * (1 - k / 100));
                            candidates.add(uv * (1 + k / 100));
                        } else if (m.unit != null && m.unit.equals(u.unit)) {
                            candidates.add(uv + k);
                            candidates.add(uv - k);
                        }
                        for (double d : candidates) {
                            if (d > 0 && Math.abs(n.lo - d) <= Math.max(0.5, 0.025 * d)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean backedByUser(Num n, List<Num> user) {
        for (Num m : user) {
            if (n.lo == m.lo && n.hi == m.hi || !n.isRange() && (n.lo == m.lo || n.lo == m.hi)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A number or range found in text, with its unit when one is recognised, and the enumeration word right before
     * it ({@code "rule"} in "rule 5", {@code "step"} in "steps 2-3"), or null.
     */
    record Num(double lo, double hi, String unit, String text, String label) {
        boolean isRange() {
            return lo != hi;
        }
    }

    /** Tokenised text: content-word stems in order, and numbers. */
    static final class Text {
        final List<String> words;
        final List<Num> numbers;
        /** The numbers of the text's numbered-list markers ({@code "5. "} at a line start). */
        final Set<Integer> markers;

        private Text(List<String> words, List<Num> numbers, Set<Integer> markers) {
            this.words = words;
            this.numbers = numbers;
            this.markers = markers;
        }

        /**
         * True when {@code n} names an item the text enumerates: a number after a label word ("rule 5") that is one
         * of this text's list markers or is written after the same label word here ("Step 3", "Days 1-4").
         */
        boolean enumerates(Num n) {
            if (n.label() == null) {
                return false;
            }
            for (double v : new double[] {n.lo(), n.hi()}) {
                boolean found = (v == Math.rint(v) && markers.contains((int) v))
                        || numbers.stream().anyMatch(m -> n.label().equals(m.label()) && v >= m.lo() && v <= m.hi());
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        List<String> bigrams() {
            List<String> out = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                out.add(words.get(i - 1) + " " + words.get(i));
            }
            return out;
        }

        static Text of(String raw) {
            Set<Integer> markers = new HashSet<>();
            Matcher lm = LIST_MARKER.matcher(raw);
            while (lm.find()) {
                markers.add(Integer.parseInt(lm.group().replaceAll("\\D", "")));
            }
            String s = normalise(raw);
            List<Num> nums = numbers(s);
            List<String> words = new ArrayList<>();
            Matcher m = WORD.matcher(s);
            while (m.find()) {
                String w = m.group();
                if (w.chars().allMatch(Character::isDigit) || STOP.contains(w)) {
                    continue;
                }
                String st = stem(w);
                if (st.length() > 1 && !STOP.contains(st)) {
                    words.add(st);
                }
            }
            return new Text(words, nums, Set.copyOf(markers));
        }
    }

    /** Words that make the number after them the name of a list item, not a quantity ("rule 5", "step 3"). */
    private static final Pattern LABEL_BEFORE = Pattern.compile("\\b(rules?|steps?|questions?|items?|points?"
            + "|exercises?|days?|levels?|phases?|stages?|tiers?|options?|sections?|parts?|blocks?|workouts?|weeks?"
            + "|numbers?|no\\.|#)\\s*$");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(?:[-*•]\\s*)?\\d{1,2}[.)](?=\\s)");
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])" + NUM + "(?:\\s*(?:%|percent))?(?:\\s*(?:-|–|—|to)\\s*" + NUM + ")?(?![\\w.]*\\d)");
    private static final Pattern UNIT_AFTER =
            Pattern.compile("^\\s*(?:%|percent|(?:hard\\s+|working\\s+|total\\s+)?(\\p{L}+))");
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("set", "set"),
            Map.entry("sets", "set"),
            Map.entry("rep", "rep"),
            Map.entry("reps", "rep"),
            Map.entry("repetitions", "rep"),
            Map.entry("kg", "kg"),
            Map.entry("kilograms", "kg"),
            Map.entry("lb", "lb"),
            Map.entry("lbs", "lb"),
            Map.entry("pounds", "lb"),
            Map.entry("week", "week"),
            Map.entry("weeks", "week"),
            Map.entry("day", "day"),
            Map.entry("days", "day"),
            Map.entry("session", "session"),
            Map.entry("sessions", "session"),
            Map.entry("minute", "minute"),
            Map.entry("minutes", "minute"),
            Map.entry("min", "minute"),
            Map.entry("second", "second"),
            Map.entry("seconds", "second"),
            Map.entry("sec", "second"),
            Map.entry("hour", "hour"),
            Map.entry("hours", "hour"),
            Map.entry("year", "year"),
            Map.entry("years", "year"),
            Map.entry("month", "month"),
            Map.entry("months", "month"),
            Map.entry("times", "times"),
            Map.entry("exercises", "exercise"),
            Map.entry("exercise", "exercise"));
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"),
            Map.entry("two", "2"),
            Map.entry("three", "3"),
            Map.entry("four", "4"),
            Map.entry("five", "5"),
            Map.entry("six", "6"),
            Map.entry("seven", "7"),
            Map.entry("eight", "8"),
            Map.entry("nine", "9"),
            Map.entry("ten", "10"),
            Map.entry("eleven", "11"),
            Map.entry("twelve", "12"),
            Map.entry("fifteen", "15"),
            Map.entry("twenty", "20"),
            Map.entry("thirty", "30"));
    private static final Pattern NUMBER_WORD = Pattern.compile(
            "\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\\b"
                    + "(?=\\s+(?:to\\s+\\w+\\s+)?(?:hard\\s+)?(?:sets?|reps?|kg|weeks?|days?|sessions?|minutes?|seconds?|hours?|years?|months?|times|exercises?)\\b"
                    + "|\\s+(?:to|or)\\s+(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\\b)");

    /** Lower case, number words before units as digits, list markers removed, thousands separators dropped. */
    static String normalise(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
        s = LIST_MARKER.matcher(s).replaceAll(" ");
        s = s.replaceAll("(?<=\\d),(?=\\d{3}\\b)", "");
        Matcher m = NUMBER_WORD.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, NUMBER_WORDS.get(m.group(1)));
        }
        m.appendTail(sb);
        s = sb.toString();
        // a second pass catches the far end of "two to three" once the first end became a digit
        m = Pattern.compile(
                        "(?<=\\d\\s(?:to|or)\\s)(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\\b")
                .matcher(s);
        sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, NUMBER_WORDS.get(m.group(1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static List<Num> numbers(String s) {
        List<Num> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            double lo = Double.parseDouble(m.group(1));
            double hi = m.group(2) == null ? lo : Double.parseDouble(m.group(2));
            if (hi < lo) {
                continue; // "10-3" is not a range we can read (a score, a date); ignore rather than misjudge
            }
            String unit = null;
            String matched = m.group();
            if (matched.contains("%") || matched.contains("percent")) {
                unit = "%";
            } else {
                Matcher u = UNIT_AFTER.matcher(s.substring(m.end(), Math.min(s.length(), m.end() + 40)));
                if (u.find()) {
                    unit = u.group(1) == null ? "%" : UNITS.get(u.group(1));
                }
                String before = s.substring(Math.max(0, m.start() - 5), m.start());
                if (before.matches(".*\\brpe\\s*$")) {
                    unit = "rpe";
                }
            }
            String text = matched.strip();
            if ("%".equals(unit) && !text.contains("%") && !text.contains("percent")) {
                text = text + "%";
            } else if (unit != null && !unit.equals("%") && !unit.equals("rpe")) {
                text = text + " " + unit;
            } else if ("rpe".equals(unit)) {
                text = "RPE " + text;
            }
            Matcher lb = LABEL_BEFORE.matcher(s.substring(Math.max(0, m.start() - 24), m.start()));
            out.add(new Num(lo, hi, unit, text, lb.find() ? stem(lb.group(1)) : null));
        }
        return out;
    }

    /** A light English suffix stemmer: enough to match "presses/press", "squatting/squat", "injuries/injury". */
    static String stem(String w) {
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ing") && w.length() > 5) {
            String b = w.substring(0, w.length() - 3);
            return undouble(b);
        }
        if (w.endsWith("ed") && w.length() > 4) {
            String b = w.substring(0, w.length() - 2);
            return undouble(b);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** True for a function word or chat filler that the checker ignores (lower-case input). */
    static boolean isStopWord(String w) {
        return STOP.contains(w);
    }

    private static String undouble(String b) {
        int n = b.length();
        if (n >= 2 && b.charAt(n - 1) == b.charAt(n - 2) && "bdgmnprt".indexOf(b.charAt(n - 1)) >= 0) {
            return b.substring(0, n - 1);
        }
        return b;
    }

    /** Function words and chat filler: they carry no claim, so they neither support nor undermine grounding. */
    private static final Set<String> STOP =
            Set.copyOf(java.util.Arrays.asList(("a about above after again against all almost also am an and any are"
                            + " aren't as at be because been before being below between both but by can can't could couldn't did didn't"
                            + " do does doesn't doing don't down during each either else enough even ever every few for from further get"
                            + " gets getting give go going good great had hadn't has hasn't have haven't having he her here hers herself"
                            + " him himself his how however i i'd i'll i'm i've if in into is isn't it it's its itself just keep know"
                            + " let let's like likely lot make makes many may me might more most much must my myself need needs no nor"
                            + " not now of off often on once one only or other our ours ourselves out over own per quite rather really"
                            + " right same say see she should shouldn't so some something sometimes still such sure take than thank"
                            + " thanks that that's the their theirs them themselves then there there's these they they're thing things"
                            + " this those though through to too under until up upon us use used using usually very want was wasn't way"
                            + " we we'll we're we've well were weren't what what's when where whether which while who whom why will with"
                            + " within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves"
                            + " absolutely definitely great awesome question answer happy help okay ok sounds hey hi hello glad feel"
                            + " feeling think want wanted try trying sure here's best better")
                    .split(" ")));
}
