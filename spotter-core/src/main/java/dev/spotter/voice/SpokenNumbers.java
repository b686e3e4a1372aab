package dev.spotter.voice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups words into numbers the way people say gym numbers (contract: "two twenty five" = 225, "four oh five" =
 * 405, "a hundred and thirty five" = 135, "five forty" = 540, "102.5", "seven and a half"; also "twelve hundred",
 * "a thousand", "a buck thirty five" = 135, "hundred" = 100, "2 hundred 25" = 225, "62 point 5" = 62.5).
 *
 * <p>Juxtaposed forms ("eight thirty", "one oh five") also carry a clock reading (8:30 → 510 s) so the cardio
 * rules can read them as a pace or time; the strength rules use the plain value. In a strength utterance
 * ({@code loads}), speech-to-text's clock rendering of a spoken load is read back as the load: "2:25" is how it
 * writes "two twenty-five", so it is 225, not 145 s (H:MM with one colon and H 1–9; other clock forms stay
 * clocks and are not placed). A plural ("two tens", "seventy fives") is never glued to the number before it.
 * Greedy, left to right, bounded look-ahead (at most 6 words), so it is linear in the utterance length.
 */
final class SpokenNumbers {
    private static final Map<String, Integer> ONES = new HashMap<>();
    private static final Map<String, Integer> TEENS = new HashMap<>();
    private static final Map<String, Integer> TENS = new HashMap<>();

    static {
        String[] ones = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        for (int i = 0; i < ones.length; i++) {
            ONES.put(ones[i], i);
        }
        String[] teens = {
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"
        };
        for (int i = 0; i < teens.length; i++) {
            TEENS.put(teens[i], 10 + i);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            TENS.put(tens[i], 20 + 10 * i);
        }
        TENS.put("fourty", 40);
    }

    private SpokenNumbers() {}

    /** Converts words[from, to) into items, grouping number words and digit strings into number items. */
    static void group(String[] w, int from, int to, List<Item> out, boolean loads) {
        int i = from;
        while (i < to) {
            int[] end = new int[1];
            Item num = parseAt(w, i, to, end, loads);
            if (num != null) {
                out.add(num);
                i = end[0];
            } else {
                out.add(Item.word(w[i]));
                i++;
            }
        }
    }

    static List<Item> group(String[] w) {
        List<Item> out = new ArrayList<>(w.length);
        group(w, 0, w.length, out, false);
        return out;
    }

    /** "twenty" … "ninety". */
    static boolean isTens(String s) {
        return TENS.containsKey(s);
    }

    /** True for a digit string or a word that is a number by itself ("eight", "twenty", "hundred"). */
    static boolean isNumberWord(String s) {
        char c = s.charAt(0);
        return (c >= '0' && c <= '9')
                || ONES.containsKey(s)
                || TEENS.containsKey(s)
                || TENS.containsKey(s)
                || s.equals("hundred");
    }

    /** Every word that can start a number (hot path: one probe rejects ordinary words). */
    private static final java.util.Set<String> STARTERS = new java.util.HashSet<>();

    static {
        STARTERS.addAll(ONES.keySet());
        STARTERS.addAll(TEENS.keySet());
        STARTERS.addAll(TENS.keySet());
        STARTERS.add("a"); // "a hundred and ...", "a thousand", "a buck thirty five"; "zero" stays ("zero in the tank")
        STARTERS.add("hundred"); // "hundred pound dumbbell"
        STARTERS.add("buck"); // "buck twenty" (a buck = 100 lb)
    }

    /** A number starting at {@code i}, or null; {@code end[0]} receives the index after it. */
    static Item parseAt(String[] w, int i, int to, int[] end, boolean loads) {
        String first = w[i];
        char c0 = first.charAt(0);
        if (c0 >= '0' && c0 <= '9') {
            return digits(w, i, to, end, loads);
        }
        if (!STARTERS.contains(first)) {
            return null;
        }
        int j = i;
        double value;
        int clock = -1;
        Integer ones = ONES.get(first);
        Integer teen = TEENS.get(first);
        Integer ten = TENS.get(first);
        boolean a = first.equals("a") || first.equals("one");
        if (a && i + 1 < to && (w[i + 1].equals("hundred") || w[i + 1].equals("buck"))
                || first.equals("hundred")
                || first.equals("buck")) {
            // "a hundred and thirty five", "hundred pound dumbbell", "a buck thirty five" (a buck = 100 lb)
            j = first.equals("hundred") || first.equals("buck") ? i + 1 : i + 2;
            int[] tail = tail(w, j, to, true);
            value = 100 + tail[0];
            j = tail[1];
        } else if (a && i + 1 < to && w[i + 1].equals("thousand")) {
            // "a thousand", "a thousand and fifty", "one thousand two hundred"
            j = i + 2;
            value = 1000;
            if (j + 1 < to && ONES.containsKey(w[j]) && ONES.get(w[j]) > 0 && w[j + 1].equals("hundred")) {
                value += ONES.get(w[j]) * 100;
                j += 2;
            }
            int[] tail = tail(w, j, to, true);
            value += tail[0];
            j = tail[1];
        } else if ((ones != null && ones > 0 || teen != null) && i + 1 < to && w[i + 1].equals("hundred")) {
            // "two hundred and five", "twelve hundred"
            j = i + 2;
            int[] tail = tail(w, j, to, true);
            value = (ones != null ? ones : teen) * 100 + tail[0];
            j = tail[1];
        } else if (ones != null && ones > 0 && i + 1 < to && w[i + 1].equals("thousand")) {
            value = ones * 1000;
            j = i + 2;
        } else if (ones != null && ones > 0 && i + 2 < to && w[i + 1].equals("oh") && ONES.containsKey(w[i + 2])) {
            int d = ONES.get(w[i + 2]);
            value = ones * 100 + d;
            clock = ones * 60 + d;
            j = i + 3;
        } else if ((ones != null && ones > 0 || teen != null)
                && i + 1 < to
                && (TENS.containsKey(w[i + 1]) || (ones != null && TEENS.containsKey(w[i + 1])))
                && !pluralAt(w, i + 1, to)) {
            int head = ones != null ? ones : teen;
            int[] t = tail(w, i + 1, to, false);
            value = head * 100 + t[0];
            clock = t[0] < 60 ? head * 60 + t[0] : -1;
            j = t[1];
        } else if (ten != null) {
            value = ten;
            j = i + 1;
            if (j < to && ONES.containsKey(w[j]) && ONES.get(w[j]) > 0) {
                value += ONES.get(w[j]);
                j++;
            }
            if (value < 60 && j < to && (TENS.containsKey(w[j]) && TENS.get(w[j]) < 60 || w[j].equals("oh"))) {
                // "twenty seven thirty" (27:30), "twenty one oh five" (21:05): minutes then seconds
                int[] t = w[j].equals("oh") && j + 1 < to && ONES.containsKey(w[j + 1])
                        ? new int[] {ONES.get(w[j + 1]), j + 2}
                        : tail(w, j, to, false);
                if (t[1] > j) {
                    clock = (int) value * 60 + t[0];
                    value = value * 100 + t[0];
                    j = t[1];
                }
            }
        } else if (teen != null) {
            value = teen;
            j = i + 1;
        } else if (ones != null) {
            value = ones;
            j = i + 1;
        } else {
            return null;
        }
        // decimals: "seven point five", "one oh two point five"
        if (j + 1 < to && w[j].equals("point") && ONES.containsKey(w[j + 1])) {
            double scale = 0.1;
            j++;
            while (j < to && ONES.containsKey(w[j])) {
                value += ONES.get(w[j]) * scale;
                scale /= 10;
                j++;
            }
            value = Math.round(value * 1000) / 1000.0;
            clock = -1;
        } else if (j + 2 < to && w[j].equals("and") && w[j + 1].equals("a") && w[j + 2].equals("half")) {
            value += 0.5;
            clock = -1;
            j += 3;
        }
        end[0] = j;
        return Item.number(value, clock, false, join(w, i, j));
    }

    /**
     * Whether the tens/teen word at {@code k} (with its ones word, if any) is a plural: "two tens", "three
     * twenties". The lexer splits a plural number into the number and "s"; such a number stands alone.
     */
    private static boolean pluralAt(String[] w, int k, int to) {
        int e = k + 1;
        if (TENS.containsKey(w[k]) && e < to && ONES.containsKey(w[e]) && ONES.get(w[e]) > 0) {
            e++;
        }
        return e < to && w[e].equals("s") && ONES.containsKey(w[k - 1]);
    }

    /** After "hundred" or a leading digit: "and"? then tens [ones] | teen | ones. Returns {value, next}. */
    private static int[] tail(String[] w, int j, int to, boolean allowAnd) {
        int k = j;
        if (allowAnd
                && k < to
                && w[k].equals("and")
                && k + 1 < to
                && (TENS.containsKey(w[k + 1]) || TEENS.containsKey(w[k + 1]) || ONES.containsKey(w[k + 1]))) {
            k++;
        }
        if (k < to && TENS.containsKey(w[k])) {
            int v = TENS.get(w[k]);
            k++;
            if (k < to && ONES.containsKey(w[k]) && ONES.get(w[k]) > 0) {
                v += ONES.get(w[k]);
                k++;
            }
            return new int[] {v, k};
        }
        if (k < to && TEENS.containsKey(w[k])) {
            return new int[] {TEENS.get(w[k]), k + 1};
        }
        if (allowAnd && k < to && ONES.containsKey(w[k]) && ONES.get(w[k]) > 0) {
            return new int[] {ONES.get(w[k]), k + 1};
        }
        return new int[] {0, j};
    }

    private static Item digits(String[] w, int i, int to, int[] end, boolean loads) {
        String s = w[i];
        int j = i + 1;
        if (loads && s.length() == 4 && s.charAt(1) == ':' && s.charAt(0) != '0') {
            // strength: "2:25" is speech-to-text's rendering of "two twenty-five" (a load), not 145 seconds
            int v = (s.charAt(0) - '0') * 100 + (s.charAt(2) - '0') * 10 + (s.charAt(3) - '0');
            end[0] = j;
            return Item.number(v, -1, false, s);
        }
        if (s.indexOf(':') >= 0) {
            int secs = 0;
            int start = 0;
            for (int p = 0; p <= s.length(); p++) {
                if (p == s.length() || s.charAt(p) == ':') {
                    if (p == start || p - start > 4) {
                        return null;
                    }
                    secs = secs * 60 + Integer.parseInt(s, start, p, 10);
                    start = p + 1;
                }
            }
            end[0] = j;
            return Item.number(secs, secs, true, s);
        }
        double v;
        if (s.length() > 12) {
            return null; // not a gym number; left as a word so it is reported as unplaced
        }
        if (s.indexOf('.') < 0) {
            long acc = 0; // digits only (the lexer guarantees it): skip Double.parseDouble on the common path
            for (int k = 0; k < s.length(); k++) {
                acc = acc * 10 + (s.charAt(k) - '0');
            }
            v = acc;
        } else {
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (j < to && w[j].equals("hundred") && v >= 1 && v <= 19 && s.indexOf('.') < 0) {
            // "2 hundred 25", "12 hundred"
            int[] tail = tailDigits(w, j + 1, to);
            v = v * 100 + tail[0];
            j = tail[1];
        } else if (j + 1 < to && w[j].equals("point") && s.indexOf('.') < 0 && isDecimalDigit(w[j + 1])) {
            // "62 point 5", "62 point five"
            String d = ONES.containsKey(w[j + 1]) ? Integer.toString(ONES.get(w[j + 1])) : w[j + 1];
            v = v + Integer.parseInt(d) / Math.pow(10, d.length());
            v = Math.round(v * 1000) / 1000.0;
            j += 2;
        }
        if (j + 2 < to && w[j].equals("and") && w[j + 1].equals("a") && w[j + 2].equals("half")) {
            v += 0.5;
            j += 3;
        }
        end[0] = j;
        return Item.number(v, -1, false, join(w, i, j));
    }

    private static boolean isDecimalDigit(String s) {
        if (ONES.containsKey(s)) {
            return true;
        }
        if (s.length() > 3) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** After "2 hundred": "and"? then a digit string under 100 or number words under 100. */
    private static int[] tailDigits(String[] w, int j, int to) {
        int k = j;
        if (k < to && w[k].equals("and") && k + 1 < to) {
            k++;
        }
        if (k < to && w[k].length() <= 2 && Character.isDigit(w[k].charAt(0)) && w[k].indexOf(':') < 0) {
            boolean digitsOnly = true;
            for (int p = 0; p < w[k].length(); p++) {
                digitsOnly &= Character.isDigit(w[k].charAt(p));
            }
            if (digitsOnly) {
                return new int[] {Integer.parseInt(w[k]), k + 1};
            }
        }
        int[] t = tail(w, j, to, true);
        return t;
    }

    /** The words w[from, to) joined by single spaces, as said (for the trace). */
    static String join(String[] w, int from, int to) {
        if (to - from == 1) {
            return w[from];
        }
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                sb.append(' ');
            }
            sb.append(w[k]);
        }
        return sb.toString();
    }
}
