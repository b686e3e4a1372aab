package dev.spotter.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a chunk that is over the token limit into parts that each fit, keeping the parent's identity.
 *
 * <p>Where to cut, most structural first: before markdown headings ({@code #}…{@code ######} at a line start),
 * then at blank lines (paragraphs), then after sentence ends, then at the last white space that fits (a wall of
 * text with no punctuation); consecutive pieces are packed greedily up to the limit, so parts are as large as
 * allowed and follow the document's own structure. Nothing is dropped or reordered: the parts' contents,
 * concatenated, are the parent's content.
 *
 * <p>Part {@code k} of {@code n} gets the id {@code PARENT#part-k} (zero-padded to the width of {@code n}), the
 * title {@code TITLE (part k of n)}, the parent's category, timestamps and metadata; an object metadata gets
 * {@code parent_id}, {@code part} and {@code parts} added. A chunk within the limit is returned unchanged.
 */
public final class KbSplitter {
    private final int maxTokens;
    private final Llama3Tokenizer tokenizer = Llama3Tokenizer.shared();

    public KbSplitter(int maxTokens) {
        if (maxTokens < 100) {
            throw dev.spotter.ConfigurationException.forParameter("maxChunkTokens", "must be >= 100, was " + maxTokens);
        }
        this.maxTokens = maxTokens;
    }

    /** The chunk itself when it fits (title and content), else its parts. */
    public List<KbChunk> split(KbChunk c) {
        int titleTokens = c.title() == null ? 0 : tokenizer.count(c.title() + " (part 99 of 99)\n");
        int budget = maxTokens - titleTokens;
        if (tokenizer.count((c.title() == null ? "" : c.title() + "\n") + c.content()) <= maxTokens) {
            return List.of(c);
        }
        List<String> parts = new ArrayList<>();
        pack(c.content(), 0, budget, parts);
        int n = parts.size();
        int width = Integer.toString(n).length();
        List<KbChunk> out = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            String id = c.id() + "#part-" + String.format(Locale.ROOT, "%0" + width + "d", k);
            String title = (c.title() == null ? "" : c.title() + " ") + "(part " + k + " of " + n + ")";
            out.add(new KbChunk(
                    id, false, c.category(), title, parts.get(k - 1), meta(c, k, n), c.createdAt(), c.updatedAt()));
        }
        return out;
    }

    private static String meta(KbChunk c, int k, int n) {
        try {
            JsonNode m = c.metadata() == null ? null : Canonical.MAPPER.readTree(c.metadata());
            if (m != null && !m.isObject()) {
                return c.metadata();
            }
            ObjectNode o = m == null ? Canonical.MAPPER.createObjectNode() : (ObjectNode) m;
            o.put("parent_id", c.id());
            o.put("part", k);
            o.put("parts", n);
            return Canonical.json(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cut levels: headings, paragraphs, sentences, words. */
    private static final String[] LEVELS = {
        "(?m)(?=^#{1,6} )", "(?<=\\n)(?=[ \\t]*\\n)", "(?<=[.!?])(?=\\s)", "(?<=\\s)"
    };

    private void pack(String text, int level, int budget, List<String> out) {
        if (tokenizer.count(text) <= budget) {
            out.add(text);
            return;
        }
        if (level == LEVELS.length) {
            hardCut(text, budget, out);
            return;
        }
        String[] pieces = text.split(LEVELS[level]);
        if (pieces.length == 1) {
            pack(text, level + 1, budget, out);
            return;
        }
        // Pieces are counted once each; a part's count is taken as the sum of its pieces' counts (a BPE merge
        // across a cut point is rare and can only lower the real count), then checked for real.
        StringBuilder cur = new StringBuilder();
        int curTokens = 0;
        for (String p : pieces) {
            if (p.isEmpty()) {
                continue;
            }
            int t = tokenizer.count(p);
            if (!cur.isEmpty() && curTokens + t > budget) {
                flush(cur.toString(), level, budget, out);
                cur.setLength(0);
                curTokens = 0;
            }
            if (t > budget) {
                pack(p, level + 1, budget, out);
            } else {
                cur.append(p);
                curTokens += t;
            }
        }
        if (!cur.isEmpty()) {
            flush(cur.toString(), level, budget, out);
        }
    }

    private void flush(String part, int level, int budget, List<String> out) {
        if (tokenizer.count(part) <= budget) {
            out.add(part);
        } else {
            pack(part, level + 1, budget, out);
        }
    }

    /** No white space to cut at: cut by characters (never inside a surrogate pair). */
    private void hardCut(String text, int budget, List<String> out) {
        int from = 0;
        while (from < text.length()) {
            int lo = from + 1;
            int hi = text.length();
            while (lo < hi) { // the longest prefix that fits
                int mid = (lo + hi + 1) >>> 1;
                if (tokenizer.count(text.substring(from, mid)) <= budget) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            int end = lo;
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
            out.add(text.substring(from, Math.max(end, from + 1)));
            from = Math.max(end, from + 1);
        }
    }
}
