package dev.spotter.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exact Llama 3.x tokenizer (one vocabulary for Llama 3, 3.1, 3.2 and 3.3): 128,000 byte-level BPE ranks plus
 * 256 special tokens, with the pre-tokenization and merge semantics of Meta's reference (tiktoken).
 *
 * <pre>{@code
 * Llama3Tokenizer tok = Llama3Tokenizer.shared();
 * int[] ids = tok.encode("bench press 225 for 8 at RPE 8"); // [28122, 3577, 220, 11057, ...]
 * int n = tok.count(text);                                    // same as encode(text).length
 * int[] rendered = tok.encodeRendered(llama33Text);          // <|eot_id|> etc. become special ids
 * }</pre>
 *
 * <p>{@link #encode} treats its input as ordinary text: a literal {@code "<|eot_id|>"} in a message is encoded
 * as the characters it consists of, never as id 128009 (Hugging Face would make it special; see
 * {@link SpecialTokens#findIn} for the check). Only {@link #encodeRendered}, meant for text produced by Spotter's
 * own chat-template renderer, maps special-token strings to special ids.
 *
 * <p>Thread-safe: the vocabulary is immutable and every call uses its own scratch state. No BOS is ever added.
 */
public final class Llama3Tokenizer {
    private final Vocabulary vocab;
    private final int heapThreshold;
    private final boolean eagerCompaction;

    private Llama3Tokenizer(Vocabulary vocab, int heapThreshold, boolean eagerCompaction) {
        this.vocab = vocab;
        this.heapThreshold = heapThreshold;
        this.eagerCompaction = eagerCompaction;
    }

    /** Lazily loads the bundled vocabulary once (holder idiom: thread-safe without locking on later calls). */
    private static final class Holder {
        static final Llama3Tokenizer INSTANCE =
                new Llama3Tokenizer(Vocabulary.load(), BytePairEncoder.DEFAULT_HEAP_THRESHOLD, false);

        static {
            // Initialise the pre-tokenizer's class table here too, so its cost is part of the one-time load that
            // callers of shared() expect, not of their first encode.
            Pretokenizer.classOf(0);
        }
    }

    /**
     * The process-wide tokenizer. The first call loads the vocabulary (a 0.6 MB gzip resource into a 3.3 MB index;
     * 0.1-0.5 s measured on a heavily shared 2-core machine, see docs/areas/tokenizer.md); later calls are free.
     */
    public static Llama3Tokenizer shared() {
        return Holder.INSTANCE;
    }

    /** For tests: same vocabulary, a different long-piece threshold, to exercise both merge paths. */
    static Llama3Tokenizer withHeapThreshold(int heapThreshold) {
        return new Llama3Tokenizer(shared().vocab, heapThreshold, false);
    }

    /** For tests: heap path for every multi-byte piece, compacting the heap as often as possible. */
    static Llama3Tokenizer withEagerHeapCompaction() {
        return new Llama3Tokenizer(shared().vocab, 2, true);
    }

    /** Token ids of ordinary text (no BOS; special-token strings are plain text). */
    public int[] encode(String text) {
        Objects.requireNonNull(text, "text");
        State st = new State(true, text.length());
        encodeOrdinary(text, 0, text.length(), st);
        return st.toArray();
    }

    /** Number of tokens {@link #encode} would return, without building the id array. */
    public int count(String text) {
        Objects.requireNonNull(text, "text");
        State st = new State(false, text.length());
        encodeOrdinary(text, 0, text.length(), st);
        return st.size;
    }

    /**
     * Token ids of text rendered by Spotter's Llama 3.3 chat template: each of the 256 special-token strings
     * (Meta naming) becomes its special id; the text between them is encoded as ordinary text. Never use it on
     * user content (that is exactly how a literal {@code <|eot_id|>} in a message would corrupt an example).
     */
    public int[] encodeRendered(String templateText) {
        Objects.requireNonNull(templateText, "templateText");
        State st = new State(true, templateText.length());
        encodeRendered(templateText, st);
        return st.toArray();
    }

    /** Number of tokens {@link #encodeRendered} would return. */
    public int countRendered(String templateText) {
        Objects.requireNonNull(templateText, "templateText");
        State st = new State(false, templateText.length());
        encodeRendered(templateText, st);
        return st.size;
    }

    /**
     * Text of the ids; special ids decode to their Meta names. Byte sequences that are not valid UTF-8 on their
     * own (e.g. half of an emoji) decode to U+FFFD, as in every reference decoder.
     *
     * @throws IllegalArgumentException for an id outside 0–128255
     */
    public String decode(int[] ids) {
        Objects.requireNonNull(ids, "ids");
        int len = 0;
        for (int id : ids) {
            len += id >= 0 && id < Vocabulary.SIZE ? vocab.length(id) : nameBytes(id).length;
        }
        byte[] out = new byte[len];
        int pos = 0;
        for (int id : ids) {
            if (id < Vocabulary.SIZE) {
                pos = vocab.copyTo(id, out, pos);
            } else {
                byte[] name = nameBytes(id);
                System.arraycopy(name, 0, out, pos, name.length);
                pos += name.length;
            }
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static byte[] nameBytes(int id) {
        if (!SpecialTokens.isSpecial(id)) {
            throw new IllegalArgumentException("token id out of range: " + id + " (valid ids are 0-128255)");
        }
        return SpecialTokens.nameOf(id).getBytes(StandardCharsets.US_ASCII);
    }

    private void encodeRendered(String text, State st) {
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int at = SpecialTokens.indexOf(text, pos, false);
            if (at < 0) {
                encodeOrdinary(text, pos, n, st);
                return;
            }
            encodeOrdinary(text, pos, at, st);
            int end = SpecialTokens.closeOf(text, at) + 2;
            st.add(SpecialTokens.matchAt(text, at, end, false));
            pos = end;
        }
    }

    private void encodeOrdinary(String text, int from, int to, State st) {
        BytePairEncoder bpe = null;
        int i = from;
        while (i < to) {
            int e = Pretokenizer.next(text, i, to);
            int n = st.utf8(text, i, e);
            int rank = vocab.rank(st.buf, 0, n);
            if (rank >= 0) {
                st.add(rank); // the common case: the whole piece is a token
            } else {
                if (bpe == null) {
                    bpe = new BytePairEncoder(vocab, heapThreshold, eagerCompaction);
                }
                bpe.encode(st.buf, n, st);
            }
            i = e;
        }
    }

    /** Per-call scratch: the UTF-8 buffer of the current piece and the output ids (or just their count). */
    private static final class State implements BytePairEncoder.IdSink {
        byte[] buf = new byte[256];
        int @Nullable [] ids;
        int size;

        State(boolean collect, int textLength) {
            ids = collect ? new int[Math.max(16, textLength / 3)] : null;
        }

        @Override
        public void add(int id) {
            if (ids != null) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size] = id;
            }
            size++;
        }

        int[] toArray() {
            int[] all = Objects.requireNonNull(ids, "toArray of a counting-only state");
            return all.length == size ? all : Arrays.copyOf(all, size);
        }

        /** Grows buf to the exact UTF-8 length of a long piece (not 3 bytes per char: pieces can be megabytes). */
        private void ensure(int from, int to, String s) {
            long need = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                need += c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // a surrogate pair counts 6 for its 4 bytes: safe upper bound
            }
            if (need > buf.length) {
                buf = new byte
                        [(int) Math.min(
                                Integer.MAX_VALUE - 8,
                                Math.max(need, Math.min(2L * buf.length, (long) (to - from) * 3)))];
            }
        }

        /** UTF-8 of text[from, to) into buf; a lone surrogate becomes U+FFFD (as JavaScript's TextEncoder does). */
        int utf8(String s, int from, int to) {
            if (buf.length < (to - from) * 3) {
                ensure(from, to, s);
            }
            byte[] b = buf;
            int p = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xc0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xf0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[p++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    if (Character.isSurrogate(c)) {
                        c = '\ufffd';
                    }
                    b[p++] = (byte) (0xe0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    b[p++] = (byte) (0x80 | (c & 0x3f));
                }
            }
            return p;
        }
    }
}
