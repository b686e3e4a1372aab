package dev.spotter.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Negation-aware phrase matching for the clinical rules, shared by the checker and the evaluation gate.
 *
 * <p>Text is split into sentences ({@code . ! ? ; :} and line breaks) and each sentence normalised: lower case,
 * curly quotes straightened, contractions expanded ({@code can't} → {@code cannot}, {@code don't} → {@code do
 * not}, {@code n't} → {@code  not}), UK spellings folded to US ({@code haemo} → {@code hemo}, {@code oedema},
 * {@code colour}, {@code anaemia}), everything that is not a letter, digit or {@code %} replaced by a space. A
 * literal phrase matches whole words, except that its last word may be a prefix ({@code foam roll} matches
 * {@code foam rolling}). A match is <em>negated</em> when a negator ({@code do not}, {@code never}, {@code avoid},
 * {@code no}, {@code not}, {@code stop}, {@code without}, ...) starts within the {@value #WINDOW} words before it
 * in the same sentence: "do not foam roll the calf" passes, "foam roll the calf" fails. Regex rules use
 * {@link #findUnnegated(String, Pattern, List)}: the match is negated by a negator before it or inside it
 * ("urine is a normal colour, not dark").
 *
 * <p>A negated "or" list negates every item of its clause ({@link #orListReaches}): "do not foam roll, massage,
 * stretch or use a massage gun" negates "stretch" though it is more than five words after "not".
 *
 * <p>Known limits (documented in docs/areas/generate.md): a double negative ("it is not true that you should not
 * go") reads as negated; without an "or" list a negator more than five words away does not count.
 */
final class Phrases {
    static final int WINDOW = 5;
    private static final Pattern SENTENCE = Pattern.compile("[.!?;:\\n]+(\\s+|$)|\\n");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9%]+");
    private static final Pattern NON_WORD_KEEP_COMMA = Pattern.compile("[^a-z0-9%,]+");
    private static final java.util.Set<String> CLAUSE_BREAK = java.util.Set.of(
            "but",
            "instead",
            "then",
            "unless",
            "until",
            "except",
            "however",
            "yet",
            "so",
            "while",
            "although",
            "though",
            "because",
            "otherwise");

    private Phrases() {}

    /** Lower case, contractions expanded, spellings folded, non-word characters to single spaces, trimmed. */
    static String normalise(String s) {
        return NON_WORD.matcher(lower(s)).replaceAll(" ").strip();
    }

    /** Lower case, quotes straightened, contractions expanded and spellings folded; punctuation kept (for regexes). */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace("can't", "cannot")
                .replace("won't", "will not")
                .replace("shan't", "shall not")
                .replace("n't", " not")
                .replace("haemo", "hemo")
                .replace("oedema", "edema")
                .replace("anaemia", "anemia")
                .replace("colour", "color")
                .replace("hyponatraemia", "hyponatremia")
                .replace("paediatric", "pediatric")
                .replace("orthopaedic", "orthopedic");
    }

    /** Sentences of the raw text (for rules that look at one sentence, e.g. the first of a summary). */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE.split(text)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** The first phrase of {@code phrases} found in {@code text} without a negator before it, if any. */
    static Optional<String> findUnnegated(String text, List<String> phrases, List<String> negators) {
        for (String sentence : sentences(text)) {
            String[] tokens = tokens(normalise(sentence));
            boolean[] commaBefore = commaBefore(sentence, tokens.length);
            for (String phrase : phrases) {
                String[] p = tokens(normalise(phrase));
                if (p.length == 0) {
                    continue;
                }
                for (int i = 0; i + p.length <= tokens.length; i++) {
                    if (matchesAt(tokens, i, p) && !negatedAt(tokens, commaBefore, i, negators)) {
                        return Optional.of(phrase);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** True when a phrase occurs at all (negated or not). */
    static boolean contains(String text, String phrase) {
        String[] tokens = tokens(normalise(text));
        String[] p = tokens(normalise(phrase));
        for (int i = 0; p.length > 0 && i + p.length <= tokens.length; i++) {
            if (matchesAt(tokens, i, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first match of a regex (applied to each lower-cased raw sentence) that is not negated by a negator in
     * the {@value #WINDOW} words before it or inside the matched span.
     */
    static Optional<String> findUnnegated(String text, Pattern regex, List<String> negators) {
        for (String sentence : sentences(text)) {
            String lower = lower(sentence);
            Matcher m = regex.matcher(lower);
            while (m.find()) {
                if (!negated(lower, m.start(), m.end(), negators)) {
                    return Optional.of(m.group());
                }
            }
        }
        return Optional.empty();
    }

    /** True when the span [start, end) of a (lower-cased) sentence is negated: a negator before it or inside it. */
    static boolean negated(String sentence, int start, int end, List<String> negators) {
        String[] before = tokens(normalise(sentence.substring(0, start)));
        String[] inside = tokens(normalise(sentence.substring(start, end)));
        if (containsNegator(inside, negators)) {
            return true;
        }
        String[] all = tokens(normalise(sentence));
        int i = Math.min(before.length, all.length);
        return negatedAt(all, commaBefore(sentence, all.length), i, negators);
    }

    private static boolean matchesAt(String[] tokens, int i, String[] p) {
        for (int j = 0; j < p.length; j++) {
            String t = tokens[i + j];
            boolean last = j == p.length - 1;
            if (!(last ? t.startsWith(p[j]) : t.equals(p[j]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when token {@code i} is negated: a negator starts within the {@value #WINDOW} words before it, or it is
     * an item of the negator's "or" list ({@link #orListReaches}); either way only if the negator's clause has not
     * ended before token {@code i} (a contrast word such as "but" or "then", ", and", or a comma after the "or"
     * item: "do not rest or sit still, massage the calf" leaves "massage" unnegated).
     */
    private static boolean negatedAt(String[] tokens, boolean[] commaBefore, int i, List<String> negators) {
        for (String neg : negators) {
            String[] n = tokens(neg);
            for (int k = 0; k + n.length <= i; k++) {
                if (java.util.Arrays.equals(tokens, k, k + n.length, n, 0, n.length)
                        && !clauseEnds(tokens, commaBefore, k + n.length, i)
                        && (k >= i - WINDOW || orListReaches(tokens, commaBefore, k + n.length, i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean clauseEnds(String[] tokens, boolean[] commaBefore, int from, int i) {
        boolean or = false;
        for (int j = from; j <= i && j < tokens.length; j++) {
            String t = tokens[j];
            if (j > from && (CLAUSE_BREAK.contains(t) || (commaBefore[j] && (or || t.equals("and"))))) {
                return true;
            }
            or |= t.equals("or") || t.equals("nor");
        }
        return false;
    }

    /**
     * Whether a negator's "or" list reaches token {@code i}: "do not foam roll, massage, stretch or use a massage
     * gun", "do not have your neck cracked, massaged or stretched", "do not stretch the calf or test it with heel
     * raises or hops". The negator negates every item up to the end of its clause when the clause joins its items
     * with "or"/"nor"; the clause ends at a contrast word (but, instead, then, unless, until, ...), at ", and", or at
     * the first comma after the "or". Without an "or"/"nor" only the {@value #WINDOW}-word window applies.
     */
    private static boolean orListReaches(String[] tokens, boolean[] commaBefore, int from, int i) {
        boolean or = false;
        for (int j = from; j < tokens.length; j++) {
            String t = tokens[j];
            boolean ends = CLAUSE_BREAK.contains(t) || (commaBefore[j] && (or || t.equals("and")));
            if (ends && j <= i) {
                return false; // the clause (or the list) ended before the phrase
            }
            if (ends) {
                return or;
            }
            if (t.equals("or") || t.equals("nor")) {
                or = true;
            }
        }
        return or;
    }

    /** For each word token of the normalised sentence: whether a comma stands right before it. */
    private static boolean[] commaBefore(String sentence, int count) {
        boolean[] out = new boolean[count];
        String[] parts = NON_WORD_KEEP_COMMA
                .matcher(lower(sentence).replace(",", " , "))
                .replaceAll(" ")
                .strip()
                .split(" ");
        int w = 0;
        boolean comma = false;
        for (String p : parts) {
            if (p.equals(",")) {
                comma = true;
            } else if (!p.isEmpty() && w < count) {
                out[w++] = comma;
                comma = false;
            }
        }
        return out;
    }

    private static boolean containsNegator(String[] tokens, List<String> negators) {
        for (String neg : negators) {
            String[] n = tokens(neg);
            for (int k = 0; k + n.length <= tokens.length; k++) {
                if (java.util.Arrays.equals(tokens, k, k + n.length, n, 0, n.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String[] tokens(String normalised) {
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }
}
