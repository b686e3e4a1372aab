package dev.spotter.assemble;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.text.Normalizer;
import java.util.Locale;

/** Normalisation and 64-bit hashing of example text (content hashes are {@link dev.spotter.kernel.Hashing}'s). */
public final class Text {
    private Text() {}

    /**
     * The form exact-duplicate detection compares: Unicode NFKC, case-folded (lower case after NFKC, then NFKC
     * again because lower-casing can denormalise), every run of whitespace collapsed to one space, trimmed.
     */
    public static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = Normalizer.normalize(n, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whole conversation, role-tagged and normalised: two examples are exact duplicates when these are equal. */
    public static String exactKey(ChatExample ex) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : ex.messages()) {
            sb.append('\u0001').append(m.role().wireName()).append('\u0002').append(normalize(m.content()));
        }
        return sb.toString();
    }

    /**
     * What near-duplicate detection compares: the normalised user and assistant turns. System prompts are left
     * out on purpose: one long shared system prompt would make every example of a source look alike.
     */
    public static String nearKey(ChatExample ex) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : ex.messages()) {
            if (m.role() != Role.SYSTEM) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(normalize(m.content()));
            }
        }
        return sb.toString();
    }

    /** 64-bit hash of a string (FNV-1a over UTF-16 units, then the murmur3 finaliser for avalanche). */
    public static long hash64(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return fmix64(h ^ s.length());
    }

    /** 64-bit hash of a range of a string. */
    static long hash64(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return fmix64(h ^ (to - from));
    }

    /** Murmur3's 64-bit finaliser: every input bit affects every output bit. */
    public static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
