package dev.spotter.tokenizer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The 256 Llama 3.x special tokens (ids 128000–128255) under Meta's naming ({@code models/llama3/tokenizer.py}).
 *
 * <p>Hugging Face's {@code tokenizer.json} names ids 128005 and 128011 {@code <|reserved_special_token_2|>} and
 * {@code _3|>} and shifts the remaining reserved names by two; the ids are the same. {@link #idOf} and
 * {@link #nameOf} use Meta's names only. {@link #findIn} additionally reports the two Hugging-Face-only strings
 * ({@code <|reserved_special_token_246|>} and {@code _247|>}), because a Hugging Face trainer would turn them
 * into special ids too, which is exactly what the "special-token strings in content" check must catch.
 */
public final class SpecialTokens {
    public static final int BEGIN_OF_TEXT = 128000;
    public static final int END_OF_TEXT = 128001;
    public static final int FINETUNE_RIGHT_PAD = 128004;
    public static final int START_HEADER = 128006;
    public static final int END_HEADER = 128007;
    public static final int EOM = 128008;
    public static final int EOT = 128009;
    public static final int PYTHON_TAG = 128010;

    /** First special id; ids below it are ordinary BPE ranks. */
    static final int FIRST = 128000;
    /** Number of special tokens. */
    static final int COUNT = 256;

    private static final String[] NAMES = new String[COUNT];
    private static final Map<String, Integer> IDS = new HashMap<>(512);
    /** Strings {@link #findIn} reports that are not Meta names (Hugging Face naming of ids 128254, 128255). */
    private static final String[] HF_ONLY = {"<|reserved_special_token_246|>", "<|reserved_special_token_247|>"};
    /** Longest string findIn can report; bounds the scan for the closing {@code |>}. */
    private static final int MAX_LEN;

    static {
        String[] fixed = {
            "<|begin_of_text|>",
            "<|end_of_text|>",
            "<|reserved_special_token_0|>",
            "<|reserved_special_token_1|>",
            "<|finetune_right_pad_id|>",
            "<|step_id|>",
            "<|start_header_id|>",
            "<|end_header_id|>",
            "<|eom_id|>",
            "<|eot_id|>",
            "<|python_tag|>",
            "<|image|>",
        };
        System.arraycopy(fixed, 0, NAMES, 0, fixed.length);
        for (int i = fixed.length; i < COUNT; i++) {
            NAMES[i] = "<|reserved_special_token_" + (i - fixed.length + 2) + "|>";
        }
        int max = 0;
        for (int i = 0; i < COUNT; i++) {
            IDS.put(NAMES[i], FIRST + i);
            max = Math.max(max, NAMES[i].length());
        }
        for (String s : HF_ONLY) {
            max = Math.max(max, s.length());
        }
        MAX_LEN = max;
    }

    private SpecialTokens() {}

    /** The id of a special-token string in Meta naming, e.g. {@code "<|eot_id|>"} → 128009; empty otherwise. */
    public static OptionalInt idOf(String tokenString) {
        Integer id = IDS.get(tokenString);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * The Meta name of a special id, e.g. 128009 → {@code "<|eot_id|>"}.
     *
     * @throws IllegalArgumentException if {@code id} is not in 128000–128255
     */
    public static String nameOf(int id) {
        if (!isSpecial(id)) {
            throw new IllegalArgumentException("not a special token id: " + id + " (special ids are 128000-128255)");
        }
        return NAMES[id - FIRST];
    }

    /** Whether {@code id} is one of the 256 special ids. */
    public static boolean isSpecial(int id) {
        return id >= FIRST && id < FIRST + COUNT;
    }

    /**
     * The first (leftmost) special-token string occurring in {@code text}: any Meta name of ids 128000–128255,
     * or one of Hugging Face's two extra reserved names. Runs in one pass over the text and allocates nothing
     * unless something is found, so it is cheap enough to run on every message.
     */
    public static Optional<String> findIn(CharSequence text) {
        int at = indexOf(text, 0, true);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(text.subSequence(at, closeOf(text, at) + 2).toString());
    }

    /**
     * Index of the first special-token string at or after {@code from}, or -1. With {@code includeHfOnly} false,
     * only Meta names count (what {@link Llama3Tokenizer#encodeRendered} maps to ids).
     */
    static int indexOf(CharSequence text, int from, boolean includeHfOnly) {
        if (text instanceof String s) {
            // String.indexOf is a vectorised intrinsic: the no-candidate case (almost every message) costs one scan.
            for (int i = s.indexOf("<|", from); i >= 0; i = s.indexOf("<|", i + 1)) {
                int close = closeOf(s, i);
                if (close >= 0 && matchAt(s, i, close + 2, includeHfOnly) >= 0) {
                    return i;
                }
            }
            return -1;
        }
        int n = text.length();
        // Every candidate starts with "<|"; scanning for '<' first keeps the common case (no '<') a tight loop.
        for (int i = from; i + 1 < n; i++) {
            if (text.charAt(i) != '<' || text.charAt(i + 1) != '|') {
                continue;
            }
            int close = closeOf(text, i);
            if (close < 0) {
                continue;
            }
            if (matchAt(text, i, close + 2, includeHfOnly) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Position of the "|>" that closes a candidate starting at {@code start} (searched within MAX_LEN), or -1.
     * Names contain no '|' except at both ends, so the first "|>" after "<|" is the only possible end.
     */
    static int closeOf(CharSequence text, int start) {
        int limit = Math.min(text.length() - 1, start + MAX_LEN - 1); // "|" of the longest name is at start+MAX_LEN-2
        for (int j = start + 2; j < limit; j++) {
            if (text.charAt(j) == '|' && text.charAt(j + 1) == '>') {
                return j;
            }
        }
        return -1;
    }

    /**
     * The special id named by text[start, end) (Meta naming), {@code Integer.MAX_VALUE} for a Hugging-Face-only
     * name when {@code includeHfOnly}, or -1.
     */
    static int matchAt(CharSequence text, int start, int end, boolean includeHfOnly) {
        String candidate = text.subSequence(start, end).toString();
        Integer id = IDS.get(candidate);
        if (id != null) {
            return id;
        }
        if (includeHfOnly) {
            for (String s : HF_ONLY) {
                if (s.equals(candidate)) {
                    return Integer.MAX_VALUE;
                }
            }
        }
        return -1;
    }
}
