package dev.spotter.kb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an answer and its knowledge-base chunk meet, as character spans for display (the review page highlights
 * them). Uses {@link GroundingChecker}'s own word stemming and number reading, so what is highlighted is what the
 * checker counted: a content word of the answer whose stem is in the chunk, and a number of the answer that the
 * chunk states (same value or a range endpoint). The verdict itself stays {@link GroundingChecker#check}'s; this is
 * a reading aid and deliberately simpler for numbers (no unit or derived-value logic).
 *
 * <pre>{@code
 * GroundingHighlights h = GroundingHighlights.of(chunk, answer);
 * for (GroundingHighlights.Span s : h.answer()) { ... answer.substring(s.start(), s.end()) ... }
 * }</pre>
 */
public final class GroundingHighlights {
    /** What a span marks. */
    public enum Kind {
        /** A content word found (by stem) in the other text. */
        WORD,
        /** A number the other text also states. */
        NUMBER,
        /** A number of the answer the chunk does not state. */
        UNBACKED_NUMBER
    }

    /** Characters {@code [start, end)} of the text. */
    public record Span(int start, int end, Kind kind) {}

    /** A decimal number standing alone, or a word as the checker reads words. */
    private static final Pattern WORD =
            Pattern.compile("\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}])|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private final List<Span> answer;
    private final List<Span> chunk;

    private GroundingHighlights(List<Span> answer, List<Span> chunk) {
        this.answer = List.copyOf(answer);
        this.chunk = List.copyOf(chunk);
    }

    /** Spans in the answer backed by the chunk, and spans in the chunk the answer uses. */
    public static GroundingHighlights of(String chunkText, String answerText) {
        Set<String> chunkStems = stems(chunkText);
        Set<String> answerStems = stems(answerText);
        Set<Double> chunkNums = numbers(chunkText);
        Set<Double> answerNums = numbers(answerText);
        return new GroundingHighlights(
                spans(answerText, chunkStems, chunkNums, true), spans(chunkText, answerStems, answerNums, false));
    }

    /** Spans in the answer, in order, not overlapping. */
    public List<Span> answer() {
        return answer;
    }

    /** Spans in the chunk, in order, not overlapping. */
    public List<Span> chunk() {
        return chunk;
    }

    private static List<Span> spans(String text, Set<String> otherStems, Set<Double> otherNums, boolean flagUnbacked) {
        List<Span> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (isNumber(w)) {
                Double v = parse(w);
                if (v != null && otherNums.contains(v)) {
                    out.add(new Span(m.start(), m.end(), Kind.NUMBER));
                } else if (v != null && flagUnbacked) {
                    out.add(new Span(m.start(), m.end(), Kind.UNBACKED_NUMBER));
                }
                continue;
            }
            String stem = stemOf(w);
            if (stem != null && otherStems.contains(stem)) {
                out.add(new Span(m.start(), m.end(), Kind.WORD));
            }
        }
        return out;
    }

    /** The checker's stem of a word, or null for a stop word or a one-letter stem. */
    private static String stemOf(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (GroundingChecker.isStopWord(w)) {
            return null;
        }
        String st = GroundingChecker.stem(w);
        return st.length() > 1 && !GroundingChecker.isStopWord(st) ? st : null;
    }

    private static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String s = stemOf(m.group());
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static Set<Double> numbers(String text) {
        Set<Double> out = new HashSet<>();
        for (GroundingChecker.Num n : GroundingChecker.numbers(GroundingChecker.normalise(text))) {
            out.add(n.lo());
            out.add(n.hi());
        }
        return out;
    }

    private static boolean isNumber(String w) {
        return !w.isEmpty()
                && Character.isDigit(w.charAt(0))
                && w.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static Double parse(String w) {
        try {
            return Double.parseDouble(w);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
