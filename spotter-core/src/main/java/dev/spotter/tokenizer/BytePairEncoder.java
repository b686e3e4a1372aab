package dev.spotter.tokenizer;

import java.util.Arrays;

/**
 * Byte-pair merging of one pre-tokenized piece, with tiktoken's semantics (Meta's reference implementation):
 * a piece that is itself a token is emitted as-is; otherwise, starting from single bytes, repeatedly merge the
 * adjacent pair whose concatenation has the lowest rank (leftmost on ties) until no pair is a token.
 *
 * <p>Short pieces use tiktoken's array scan (O(n²) but tiny constants). Pieces longer than
 * {@link #heapThreshold} bytes use a linked list plus a binary min-heap of (rank, position) keys with lazy
 * deletion, O(n log n), so a 100,000-character "word" is not quadratic. Both paths give identical output
 * (tested). Scratch memory of the heap path is about 32 bytes per byte of the piece (four int arrays plus a heap
 * compacted at 2n entries). One instance holds scratch arrays: use it from one thread at a time.
 */
final class BytePairEncoder {
    static final int DEFAULT_HEAP_THRESHOLD = 256;

    private final Vocabulary vocab;
    private final int heapThreshold;
    private final boolean eagerCompaction;
    private final int[] byteRank;

    // scratch, grown on demand
    private int[] parts = new int[64];
    private int[] pairRank = new int[64];
    private int[] tokRank = new int[64];
    private int[] next = new int[0];
    private int[] prev = new int[0];
    private long[] heap = new long[0];

    BytePairEncoder(Vocabulary vocab, int heapThreshold) {
        this(vocab, heapThreshold, false);
    }

    /** {@code eagerCompaction} (tests only) compacts the heap whenever it exceeds n entries instead of 2n. */
    BytePairEncoder(Vocabulary vocab, int heapThreshold, boolean eagerCompaction) {
        this.vocab = vocab;
        this.heapThreshold = heapThreshold;
        this.eagerCompaction = eagerCompaction;
        this.byteRank = vocab.byteRank;
    }

    /** Encodes buf[0, n) (n ≥ 1) and appends the ids to {@code out}. */
    void encode(byte[] buf, int n, IdSink out) {
        int whole = vocab.rank(buf, 0, n);
        if (whole >= 0) {
            out.add(whole);
        } else if (n <= heapThreshold) {
            mergeByScan(buf, n, out);
        } else {
            mergeByHeap(buf, n, out);
        }
    }

    private void mergeByScan(byte[] buf, int n, IdSink out) {
        if (parts.length < n + 1) {
            int cap = Math.max(n + 1, parts.length * 2);
            parts = new int[cap];
            pairRank = new int[cap];
            tokRank = new int[cap];
        }
        int[] p = parts;
        int[] r = pairRank;
        int[] t = tokRank;
        // parts[i] = start of part i; parts[len-1] = n (sentinel); pairRank[i] = rank of part i + part i+1.
        for (int i = 0; i < n; i++) {
            p[i] = i;
            t[i] = byteRank[buf[i] & 0xff];
            r[i] = i + 2 <= n ? rankOrMax(buf, i, i + 2) : Integer.MAX_VALUE;
        }
        p[n] = n;
        int len = n + 1;
        while (true) {
            int min = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i < len - 2; i++) {
                if (r[i] < min) { // strict: leftmost wins ties
                    min = r[i];
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            // merge part at and at+1 into one token of rank min
            t[at] = min;
            System.arraycopy(p, at + 2, p, at + 1, len - at - 2);
            System.arraycopy(t, at + 2, t, at + 1, len - at - 3 > 0 ? len - at - 3 : 0);
            System.arraycopy(r, at + 2, r, at + 1, len - at - 2);
            len--;
            r[at] = at + 2 < len ? rankOrMax(buf, p[at], p[at + 2]) : Integer.MAX_VALUE;
            if (at > 0) {
                r[at - 1] = rankOrMax(buf, p[at - 1], p[at + 1]);
            }
        }
        for (int i = 0; i < len - 1; i++) {
            out.add(t[i]);
        }
    }

    private int rankOrMax(byte[] buf, int from, int to) {
        int rank = vocab.rank(buf, from, to);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    private void mergeByHeap(byte[] buf, int n, IdSink out) {
        if (next.length < n) {
            next = new int[n];
            prev = new int[n];
            heap = new long[n];
        }
        if (tokRank.length < n) {
            pairRank = new int[n];
            tokRank = new int[n];
        }
        int[] nx = next;
        int[] pv = prev;
        int[] r = pairRank; // r[i] = rank of merging node i with its successor, -1 if none; -2 = dead node
        int[] t = tokRank;
        int size = 0;
        for (int i = 0; i < n; i++) {
            nx[i] = i + 1;
            pv[i] = i - 1;
            t[i] = byteRank[buf[i] & 0xff];
            r[i] = i + 2 <= n ? vocab.rank(buf, i, i + 2) : -1;
            if (r[i] >= 0) {
                size = push(size, ((long) r[i] << 32) | i);
            }
        }
        int compactAt = eagerCompaction ? n : 2 * n;
        while (size > 0) {
            if (size > compactAt) {
                size = compact(n); // bounds the heap at 2n entries despite lazy deletion
            }
            long top = heap[0];
            size = pop(size);
            int i = (int) top;
            int rank = (int) (top >>> 32);
            if (r[i] != rank) {
                continue; // stale: node merged away or its pair rank changed since this entry was pushed
            }
            int j = nx[i];
            t[i] = rank;
            nx[i] = nx[j];
            if (nx[j] < n) {
                pv[nx[j]] = i;
            }
            r[j] = -2;
            int succ = nx[i];
            r[i] = succ < n ? vocab.rank(buf, i, nx[succ]) : -1;
            if (r[i] >= 0) {
                size = push(size, ((long) r[i] << 32) | i);
            }
            int p = pv[i];
            if (p >= 0) {
                r[p] = vocab.rank(buf, p, nx[i]);
                if (r[p] >= 0) {
                    size = push(size, ((long) r[p] << 32) | p);
                }
            }
        }
        for (int i = 0; i < n; i = nx[i]) {
            out.add(t[i]);
        }
    }

    /** Rebuilds the heap from the live entries only (one per live node with a mergeable successor). */
    private int compact(int n) {
        int size = 0;
        int[] r = pairRank;
        for (int i = 0; i < n; i = next[i]) {
            if (r[i] >= 0) {
                heap[size++] = ((long) r[i] << 32) | i;
            }
        }
        for (int k = (size >>> 1) - 1; k >= 0; k--) {
            siftDown(k, heap[k], size);
        }
        return size;
    }

    private void siftDown(int k, long key, int size) {
        long[] h = heap;
        while (true) {
            int c = 2 * k + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && h[c + 1] < h[c]) {
                c++;
            }
            if (key <= h[c]) {
                break;
            }
            h[k] = h[c];
            k = c;
        }
        h[k] = key;
    }

    private int push(int size, long key) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, Math.max(16, size * 2));
        }
        long[] h = heap;
        int k = size;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (h[parent] <= key) {
                break;
            }
            h[k] = h[parent];
            k = parent;
        }
        h[k] = key;
        return size + 1;
    }

    private int pop(int size) {
        int last = --size;
        if (size > 0) {
            siftDown(0, heap[last], size);
        }
        return size;
    }

    /** Receives ids; lets count() run without materialising an array. */
    interface IdSink {
        void add(int id);
    }
}
