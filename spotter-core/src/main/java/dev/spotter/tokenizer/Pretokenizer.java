package dev.spotter.tokenizer;

/**
 * Hand-written equivalent of the Llama 3 (and cl100k) pre-tokenization regex
 * <pre>
 * (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
 * </pre>
 * with Unicode classes: {@code \p{L}} = general category L*, {@code \p{N}} = N*, {@code \s} = the Unicode
 * White_Space property (U+0009–U+000D, U+0020, U+0085, U+00A0, Zs, U+2028, U+2029), exactly what
 * {@code java.util.regex} uses under {@code UNICODE_CHARACTER_CLASS} and what Rust's regex (tiktoken) uses.
 * JavaScript's {@code \s} differs (it adds U+FEFF and lacks U+0085), see docs/areas/tokenizer.md.
 * {@code (?i)} is Unicode case-insensitive, so {@code 's} also matches U+017F LATIN SMALL LETTER LONG S.
 *
 * <p>Why by hand: java.util.regex needs backtracking for {@code \s+(?!\S)} and allocates a Matcher per text; this
 * scanner decides each piece in one forward pass (plus one step back for the look-ahead case). It is checked
 * against the regex on a corpus and on random strings in the tests ({@link #REGEX} is the reference).
 */
final class Pretokenizer {
    /** The reference pattern string; compile with {@code Pattern.UNICODE_CHARACTER_CLASS}. */
    static final String REGEX =
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    static final int OTHER = 0;
    static final int LETTER = 1;
    static final int NUMBER = 2;
    static final int SPACE = 3;

    /**
     * Class of every Latin-1 code point (the bulk of real text). Others go through {@link #classify}, which is a
     * couple of table reads inside the JDK; a full 64K table cost more at start-up than it saved (measured).
     */
    private static final byte[] LATIN1 = new byte[256];

    static {
        for (int c = 0; c < LATIN1.length; c++) {
            LATIN1[c] = (byte) classify(c);
        }
    }

    private Pretokenizer() {}

    static int classify(int cp) {
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER -> {
                return LETTER;
            }
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
                return NUMBER;
            }
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                return SPACE;
            }
            default -> {
                return (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 ? SPACE : OTHER;
            }
        }
    }

    static int classOf(int cp) {
        return cp < 256 ? LATIN1[cp] : classify(cp);
    }

    /** Code point at {@code i} (a lone surrogate is returned as itself). */
    private static int cpAt(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < end) {
            char d = s.charAt(i + 1);
            if (Character.isLowSurrogate(d)) {
                return Character.toCodePoint(c, d);
            }
        }
        return c;
    }

    /**
     * End (exclusive) of the piece that starts at {@code i}; {@code i < end}. Pieces tile the text: the next piece
     * starts where this one ends. The regex never matches empty here, so the result is always {@code > i}.
     */
    static int next(CharSequence s, int i, int end) {
        int c = cpAt(s, i, end);
        int w = Character.charCount(c);
        int cls = classOf(c);

        // 1. (?i:'s|'t|'re|'ve|'m|'ll|'d)
        if (c == '\'' && i + 1 < end) {
            int k = contraction(s, i + 1, end);
            if (k > 0) {
                return i + 1 + k;
            }
        }
        // 2. [^\r\n\p{L}\p{N}]?\p{L}+
        if (cls == LETTER) {
            return letters(s, i + w, end);
        }
        if (cls != NUMBER && c != '\r' && c != '\n' && i + w < end && classOf(cpAt(s, i + w, end)) == LETTER) {
            return letters(s, i + w, end);
        }
        // 3. \p{N}{1,3}
        if (cls == NUMBER) {
            int j = i + w;
            for (int n = 1; n < 3 && j < end; n++) {
                int d = cpAt(s, j, end);
                if (classOf(d) != NUMBER) {
                    break;
                }
                j += Character.charCount(d);
            }
            return j;
        }
        // 4. ' ?[^\s\p{L}\p{N}]+[\r\n]*'
        int j = c == ' ' ? i + 1 : i;
        if (j < end) {
            int d = cpAt(s, j, end);
            if (classOf(d) == OTHER) {
                j += Character.charCount(d);
                while (j < end) {
                    d = cpAt(s, j, end);
                    if (classOf(d) != OTHER) {
                        break;
                    }
                    j += Character.charCount(d);
                }
                while (j < end && (s.charAt(j) == '\r' || s.charAt(j) == '\n')) {
                    j++;
                }
                return j;
            }
        }
        // Here c is whitespace (every other class returned above).
        // 5. \s*[\r\n]+ : the whitespace run up to and including its last line break.
        // 6. \s+(?!\S)  : the whole run at end of text, else the run minus its last code point.
        // 7. \s+        : a single whitespace code point followed by non-whitespace.
        int k = i;
        int lastBreak = -1;
        int lastStart = i;
        while (k < end) {
            int d = cpAt(s, k, end);
            if (classOf(d) != SPACE) {
                break;
            }
            if (d == '\r' || d == '\n') {
                lastBreak = k;
            }
            lastStart = k;
            k += Character.charCount(d);
        }
        if (lastBreak >= 0) {
            return lastBreak + 1;
        }
        if (k == end || lastStart == i) {
            return k;
        }
        return lastStart;
    }

    private static int letters(CharSequence s, int j, int end) {
        while (j < end) {
            int d = cpAt(s, j, end);
            if (classOf(d) != LETTER) {
                break;
            }
            j += Character.charCount(d);
        }
        return j;
    }

    /** Length of the contraction suffix at {@code j} (after the apostrophe), or 0. */
    private static int contraction(CharSequence s, int j, int end) {
        char a = s.charAt(j);
        switch (a) {
            case 's', 'S', '\u017f', 't', 'T', 'm', 'M', 'd', 'D' -> {
                return 1;
            }
            case 'r', 'R', 'v', 'V' -> {
                return j + 1 < end && (s.charAt(j + 1) == 'e' || s.charAt(j + 1) == 'E') ? 2 : 0;
            }
            case 'l', 'L' -> {
                return j + 1 < end && (s.charAt(j + 1) == 'l' || s.charAt(j + 1) == 'L') ? 2 : 0;
            }
            default -> {
                return 0;
            }
        }
    }
}
