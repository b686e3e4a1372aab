package dev.spotter.voice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an utterance into normalised words, in one left-to-right pass without regular expressions (the parser's
 * hot path). Used for catalog aliases too, so an alias and an utterance normalise identically.
 *
 * <p>Rules: lower case; letters and digits form words; {@code '} is dropped ("farmer's" → "farmers"); digits
 * keep an inner {@code .} or {@code :} ("102.5", "8:30", "1:45:30"); a change between digits and letters splits
 * ("225lbs" → "225 lbs", "3x5" → "3 x 5", "5k" → "5 k"); {@code @} becomes "at"; anything else separates.
 * Then shorthand is expanded (db → dumbbell, bb → barbell, kb → kettlebell, …) and letters spelled out one by one
 * are joined when they spell a known abbreviation: speech-to-text writes "D B rows", "R D L", "O H P", "r.p.e."
 * for what a lifter says as letters ({@link #SPELLED}); "our PE" / "are PE" is how it hears "RPE".
 */
final class Lexer {
    private static final Map<String, String> SYNONYMS = new HashMap<>();

    static {
        for (String s : new String[] {"db", "dbs", "dumbbells", "dumbell", "dumbells", "dumb", "dumbel"}) {
            SYNONYMS.put(s, "dumbbell");
        }
        SYNONYMS.put("bb", "barbell");
        SYNONYMS.put("barbells", "barbell");
        for (String s : new String[] {"kb", "kbs", "kettlebells", "kettle"}) {
            SYNONYMS.put(s, "kettlebell");
        }
        SYNONYMS.put("pullups", "pullup");
        SYNONYMS.put("chinups", "chinup");
        SYNONYMS.put("pushups", "pushup");
        SYNONYMS.put("okay", "ok");
        SYNONYMS.put("lbs", "lb");
        SYNONYMS.put("pounds", "lb");
        SYNONYMS.put("pound", "lb");
        SYNONYMS.put("kgs", "kg");
        SYNONYMS.put("kilos", "kg");
        SYNONYMS.put("kilo", "kg");
        SYNONYMS.put("kilograms", "kg");
        SYNONYMS.put("kilogram", "kg");
    }

    private Lexer() {}

    /** Normalised words of {@code text}; never null. */
    static String[] words(String text) {
        List<String> out = new ArrayList<>(16);
        int n = text.length();
        StringBuilder cur = new StringBuilder(16);
        int kind = 0; // 0 none, 1 letters, 2 digits
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if ((c >= 'a' && c <= 'z') || (c > 127 && Character.isLetter(c))) {
                if (kind == 2) {
                    flush(cur, out);
                }
                kind = 1;
                cur.append(Character.toLowerCase(c));
            } else if (c >= '0' && c <= '9') {
                if (kind == 1) {
                    flush(cur, out);
                }
                kind = 2;
                cur.append(c);
            } else if ((c == '.' || c == ':' || c == ',') && kind == 2 && i + 1 < n && isDigit(text.charAt(i + 1))) {
                // "102.5", "8:30"; "1,000" keeps its digits only
                if (c != ',') {
                    cur.append(c);
                }
            } else if ((c == '\'' || c == '\u2019')
                    && kind == 1
                    && i + 1 < n
                    && (text.charAt(i + 1) == 'd' || text.charAt(i + 1) == 'D')
                    && (i + 2 == n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                i++; // "RDL'd", "OHP'd", "PR'd": the verb made from a word; the word is what counts
            } else if (c == '\'' || c == '\u2019') {
                // "farmer's" -> "farmers"; keeps the word going
            } else if (c == '@') {
                flush(cur, out);
                kind = 0;
                out.add("at");
            } else {
                flush(cur, out);
                kind = 0;
            }
        }
        flush(cur, out);
        return merge(out);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** "fifteens", "eighty fives", "twenties": a number said as a plural names the dumbbells ("80s"). */
    private static final Map<String, String> PLURAL_NUMBERS = new HashMap<>();

    static {
        String[] base = {
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
        for (String b : base) {
            PLURAL_NUMBERS.put(b + "s", b);
        }
        PLURAL_NUMBERS.put("ones", "one");
        PLURAL_NUMBERS.put("twos", "two");
        PLURAL_NUMBERS.put("threes", "three");
        PLURAL_NUMBERS.put("fours", "four");
        PLURAL_NUMBERS.put("sixes", "six");
        PLURAL_NUMBERS.put("hundreds", "hundred");
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (String t : tens) {
            PLURAL_NUMBERS.put(t.substring(0, t.length() - 1) + "ies", t);
        }
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            String w = cur.toString();
            String plural = PLURAL_NUMBERS.get(w);
            if (plural != null) {
                out.add(plural);
                out.add("s");
                cur.setLength(0);
                return;
            }
            String syn = SYNONYMS.get(w);
            out.add(syn == null ? w : syn);
            cur.setLength(0);
        }
    }

    /**
     * Abbreviations lifters say letter by letter. A run of one-letter words is joined (longest first) when it spells
     * one of these; the joined word then goes through {@link #SYNONYMS} like any other ("d b" → db → dumbbell).
     */
    static final Set<String> SPELLED = Set.of(
            "rpe", "rir", "ohp", "rdl", "rdls", "db", "bb", "kb", "cg", "jm", "ssb", "bss", "ghr", "hspu", "tgu", "ohs",
            "ez", "sldl", "cgbp", "rfess", "bw", "dl", "sl");

    /** Joins spelled-out abbreviations ("r p e" → rpe, "d b" → dumbbell) and "our pe" → rpe. */
    private static String[] merge(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        int n = in.size();
        for (int i = 0; i < n; i++) {
            String w = in.get(i);
            if (w.length() == 1 && i + 1 < n && in.get(i + 1).length() == 1 && isLetter(w) && isLetter(in.get(i + 1))) {
                int run = i;
                while (run < n && run - i < 5 && in.get(run).length() == 1 && isLetter(in.get(run))) {
                    run++;
                }
                boolean joined = false;
                for (int end = run; end >= i + 2 && !joined; end--) {
                    StringBuilder sb = new StringBuilder(end - i);
                    for (int k = i; k < end; k++) {
                        sb.append(in.get(k));
                    }
                    String word = sb.toString();
                    if (SPELLED.contains(word)) {
                        String syn = SYNONYMS.get(word);
                        out.add(syn == null ? word : syn);
                        i = end - 1;
                        joined = true;
                    }
                }
                if (joined) {
                    continue;
                }
            }
            if ((w.equals("our") || w.equals("are") || w.equals("r"))
                    && i + 1 < n
                    && in.get(i + 1).equals("pe")) {
                out.add("rpe");
                i++;
                continue;
            }
            out.add(w);
        }
        return out.toArray(new String[0]);
    }

    private static boolean isLetter(String w) {
        char c = w.charAt(0);
        return c >= 'a' && c <= 'z';
    }

    /** Words joined by single spaces: the normal form of an alias. */
    static String normalise(String text) {
        return String.join(" ", words(text));
    }
}
