package dev.spotter.tokenizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The 128,000 byte-level BPE ranks (id = rank) with an open-addressing hash index from byte strings to ranks.
 *
 * <p>Memory, fixed (about 3.3 MB): the token bytes (0.83 MB) in one array, an offset table (0.5 MB) and a
 * 2^18-slot index storing rank+1 and the key's hash (2 × 1 MB). Lookups take a byte range of any buffer so the encoder never allocates a
 * key; the stored hash lets most probes reject a slot without comparing bytes. Immutable after construction,
 * hence safe to share between threads.
 */
final class Vocabulary {
    static final String RESOURCE = "llama3-ranks.bin.gz";
    static final int SIZE = 128000;
    /** Longest token in bytes; longer ranges are rejected before hashing. */
    final int maxTokenLength;
    /** Rank of each single byte (all 256 are tokens in byte-level BPE). */
    final int[] byteRank = new int[256];

    private final byte[] bytes;
    private final int[] offsets; // token i = bytes[offsets[i], offsets[i+1])
    private final int[] slots; // rank+1, 0 = empty
    private final int[] slotHashes;
    private final int mask;

    private Vocabulary(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
        int cap = Integer.highestOneBit(SIZE * 2 - 1) << 1; // load factor < 0.5 keeps probe chains short
        this.slots = new int[cap];
        this.slotHashes = new int[cap];
        this.mask = cap - 1;
        int max = 0;
        for (int id = 0; id < SIZE; id++) {
            int from = offsets[id];
            int to = offsets[id + 1];
            max = Math.max(max, to - from);
            int h = hash(bytes, from, to);
            int s = h & mask;
            while (slots[s] != 0) {
                if (slotHashes[s] == h && equalsToken(slots[s] - 1, bytes, from, to)) {
                    throw new IllegalStateException("duplicate token in vocabulary: rank " + id);
                }
                s = (s + 1) & mask;
            }
            slots[s] = id + 1;
            slotHashes[s] = h;
        }
        this.maxTokenLength = max;
        byte[] one = new byte[1];
        for (int b = 0; b < 256; b++) {
            one[0] = (byte) b;
            byteRank[b] = rank(one, 0, 1);
            if (byteRank[b] < 0) {
                throw new IllegalStateException("tokenizer vocabulary lacks the single byte " + b);
            }
        }
    }

    /** Loads the bundled resource; fails with a precise message if it is missing or corrupt. */
    static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "tokenizer vocabulary resource missing from classpath: dev/spotter/tokenizer/" + RESOURCE);
            }
            return parse(readAll(new GZIPInputStream(in, 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read tokenizer vocabulary dev/spotter/tokenizer/" + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Parses {@code "SLV1" | u32 count | count × (u8 len | bytes)} (written by scripts/tokenizer/convert-vocab.mjs). */
    static Vocabulary parse(byte[] raw) {
        if (raw.length < 8 || raw[0] != 'S' || raw[1] != 'L' || raw[2] != 'V' || raw[3] != '1') {
            throw new IllegalStateException("tokenizer vocabulary: bad magic (expected SLV1)");
        }
        int count = ((raw[4] & 0xff) << 24) | ((raw[5] & 0xff) << 16) | ((raw[6] & 0xff) << 8) | (raw[7] & 0xff);
        if (count != SIZE) {
            throw new IllegalStateException("tokenizer vocabulary: expected " + SIZE + " ranks, found " + count);
        }
        int[] offsets = new int[SIZE + 1];
        byte[] bytes = new byte[raw.length - 8 - SIZE];
        int p = 8;
        int o = 0;
        for (int id = 0; id < SIZE; id++) {
            if (p >= raw.length) {
                throw new IllegalStateException("tokenizer vocabulary: truncated at rank " + id);
            }
            int len = raw[p++] & 0xff;
            if (len == 0 || p + len > raw.length || o + len > bytes.length) {
                throw new IllegalStateException("tokenizer vocabulary: bad entry at rank " + id);
            }
            System.arraycopy(raw, p, bytes, o, len);
            p += len;
            offsets[id] = o;
            o += len;
        }
        offsets[SIZE] = o;
        if (p != raw.length) {
            throw new IllegalStateException("tokenizer vocabulary: " + (raw.length - p) + " trailing bytes");
        }
        return new Vocabulary(o == bytes.length ? bytes : Arrays.copyOf(bytes, o), offsets);
    }

    /** Rank of the byte string buf[from, to), or -1 if it is not a token. */
    int rank(byte[] buf, int from, int to) {
        if (to - from > maxTokenLength) {
            return -1;
        }
        int h = hash(buf, from, to);
        int s = h & mask;
        int id;
        while ((id = slots[s]) != 0) {
            if (slotHashes[s] == h && equalsToken(id - 1, buf, from, to)) {
                return id - 1;
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    /** Appends the bytes of token {@code id} to {@code out} at {@code pos}; returns the new position. */
    int copyTo(int id, byte[] out, int pos) {
        int from = offsets[id];
        int len = offsets[id + 1] - from;
        System.arraycopy(bytes, from, out, pos, len);
        return pos + len;
    }

    int length(int id) {
        return offsets[id + 1] - offsets[id];
    }

    private boolean equalsToken(int id, byte[] buf, int from, int to) {
        int tf = offsets[id];
        int len = offsets[id + 1] - tf;
        if (len != to - from) {
            return false;
        }
        // Tokens average ~6 bytes: a plain loop beats the setup cost of the vectorised Arrays.equals (profiled).
        byte[] b = bytes;
        for (int k = 0; k < len; k++) {
            if (b[tf + k] != buf[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the bytes followed by a murmur finalizer so the low bits used for the slot are well mixed. */
    static int hash(byte[] buf, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ (buf[i] & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
