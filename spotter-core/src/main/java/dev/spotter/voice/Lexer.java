package dev.spotter.voice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an utterance into normalised words, in one left-to-right pass without regular expressions (the parser's
 * hot path). Used for catalog aliases too, so an alias and an utterance normalise identically.
 *
 * <p>Rules: lower case; letters and digits form words; {@code '} is dropped ("farmer's" → "farmers"); digits
 * keep an inner {@code .} or {@code :} ("102.5", "8:30", "1:45:30"); a change between digits and letters splits
 * ("225lbs" → "225 lbs", "3x5" → "3 x 5", "5k" → "5 k"); {@code @} becomes "at"; anything else separates.
 * Then shorthand is expanded (db → dumbbell, bb → barbell, kb → kettlebell, "r p e" → rpe, …).
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

    /** Joins spelled-out abbreviations: "r p e" → rpe, "r i r" → rir, "o h p" → ohp, "r d l" → rdl. */
    private static String[] merge(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            String w = in.get(i);
            if (w.length() == 1
                    && i + 2 < in.size()
                    && in.get(i + 1).length() == 1
                    && in.get(i + 2).length() == 1) {
                String three = w + in.get(i + 1) + in.get(i + 2);
                if (three.equals("rpe") || three.equals("rir") || three.equals("ohp") || three.equals("rdl")) {
                    out.add(three);
                    i += 2;
                    continue;
                }
            }
            out.add(w);
        }
        return out.toArray(new String[0]);
    }

    /** Words joined by single spaces: the normal form of an alias. */
    static String normalise(String text) {
        return String.join(" ", words(text));
    }
}
