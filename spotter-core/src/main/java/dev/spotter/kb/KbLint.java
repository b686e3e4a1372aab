package dev.spotter.kb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.assemble.MinHasher;
import dev.spotter.assemble.NearDupIndex;
import dev.spotter.assemble.Text;
import dev.spotter.checks.CheckResult;
import dev.spotter.checks.TextChecks;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a knowledge base <em>before</em> any money is spent generating from it. {@code kb export} and
 * {@code kb generate --dry-run} print it; {@code kb generate} refuses to start while a blocking finding remains,
 * unless {@code --force}.
 *
 * <p>Checks, per chunk (title and content: what the generator is shown):
 * <ul>
 *   <li><b>special tokens</b> (blocking): Llama special-token strings and unfilled {@code {{placeholders}}}
 *       ({@link TextChecks#noLeaks}, the same check that rejects an answer echoing them, which is why such a chunk
 *       had every answer rejected), and other chat-template markers ({@code [INST]}, {@code <s>},
 *       {@code ### Instruction:});</li>
 *   <li><b>prompt injection</b> (blocking): instructions addressed to the model ("ignore all previous
 *       instructions", "print your system prompt", "you are now DAN", "policy update for AI assistants", "do not
 *       mention this instruction");</li>
 *   <li><b>duplicate</b> (content equal after NFKC, case folding and white-space collapsing: the later chunk would
 *       get its own quota and double the weight; the plan leaves it out) and <b>near duplicate</b> (blocking;
 *       estimated word-3-shingle Jaccard ≥ {@value #NEAR_THRESHOLD} by MinHash/LSH, keep-first);</li>
 *   <li><b>too long</b> (blocking): more than {@code maxTokens} Llama 3 tokens; every request for it carries the
 *       whole chunk. {@link KbSplitter} splits it into parts that keep the parent id;</li>
 *   <li><b>no category / unknown category</b> (not blocking: the plan leaves the chunk out with that reason),
 *       and <b>category variant</b> (information: {@code '  mvq  '} is read as {@code mvq}, see {@link
 *       Categories}).</li>
 * </ul>
 * Streaming: {@link #offer} one chunk at a time. Memory: one exact-hash entry (about 40 bytes) and one MinHash
 * signature in the LSH index (about 300 bytes at 128 permutations) per chunk, plus one finding per problem.
 */
public final class KbLint {
    /** Default token limit per chunk (the sample's chunks are 350–650 tokens). */
    public static final int DEFAULT_MAX_TOKENS = 4000;

    static final double NEAR_THRESHOLD = 0.7;

    /** What a finding is about; {@link #blocking()} ones stop {@code kb generate} without {@code --force}. */
    public enum Kind {
        SPECIAL_TOKENS(true),
        PROMPT_INJECTION(true),
        DUPLICATE(false),
        NEAR_DUPLICATE(true),
        TOO_LONG(true),
        NO_CATEGORY(false),
        UNKNOWN_CATEGORY(false),
        CATEGORY_VARIANT(false);

        private final boolean blocking;

        Kind(boolean blocking) {
            this.blocking = blocking;
        }

        public boolean blocking() {
            return blocking;
        }

        /** {@code special_tokens}: the code in reports. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One problem of one chunk; {@code other} is the chunk it duplicates, or null. */
    public record Finding(Kind kind, String chunkId, String other, String detail) {
        public String line() {
            return String.format(Locale.ROOT, "%-17s %-38s %s", kind.code(), chunkId, detail);
        }

        public ObjectNode json() {
            ObjectNode o = Canonical.MAPPER.createObjectNode();
            o.put("kind", kind.code());
            o.put("blocking", kind.blocking());
            o.put("id", chunkId);
            if (other != null) {
                o.put("other", other);
            }
            o.put("detail", detail);
            return o;
        }
    }

    /** All findings of one pass, in the order found. */
    public record Report(int chunks, List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        /** True when a blocking finding exists. */
        public boolean blocking() {
            return findings.stream().anyMatch(f -> f.kind().blocking());
        }

        public Map<Kind, Integer> counts() {
            Map<Kind, Integer> m = new EnumMap<>(Kind.class);
            findings.forEach(f -> m.merge(f.kind(), 1, Integer::sum));
            return m;
        }

        /** The ids of later exact duplicates (left out of a plan). */
        public java.util.Set<String> duplicates() {
            java.util.Set<String> out = new java.util.HashSet<>();
            findings.stream().filter(f -> f.kind() == Kind.DUPLICATE).forEach(f -> out.add(f.chunkId()));
            return out;
        }

        /** A summary line and up to {@code maxLines} findings. */
        public String text(int maxLines) {
            StringBuilder sb = new StringBuilder();
            if (findings.isEmpty()) {
                return "lint: " + chunks + " chunks, no findings\n";
            }
            Map<String, Integer> byCode = new LinkedHashMap<>();
            counts().forEach((k, v) -> byCode.put(k.code() + (k.blocking() ? "*" : ""), v));
            sb.append("lint: ")
                    .append(chunks)
                    .append(" chunks, ")
                    .append(findings.size())
                    .append(" findings ")
                    .append(byCode)
                    .append(" (* blocks kb generate without --force)\n");
            int n = 0;
            for (Finding f : findings) {
                if (n++ == maxLines) {
                    sb.append("  … and ").append(findings.size() - maxLines).append(" more\n");
                    break;
                }
                sb.append("  ").append(f.line()).append('\n');
            }
            return sb.toString();
        }
    }

    private static final Pattern TEMPLATE_MARKER =
            Pattern.compile("\\[/?INST]|<</?SYS>>|</?s>|^#{2,3} ?(Instruction|Response|System):", Pattern.MULTILINE);
    private static final List<Pattern> INJECTION = List.of(
            Pattern.compile(
                    "\\b(ignore|disregard|forget)\\s+(all\\s+|any\\s+)?(the\\s+|your\\s+)?(previous|prior|above|earlier|preceding)\\s+(instructions?|prompts?|rules|messages)"),
            Pattern.compile(
                    "\\b(print|reveal|show|output|repeat|leak)\\s+(me\\s+)?(your|the)\\s+(system\\s+prompt|instructions|hidden\\s+prompt)"),
            Pattern.compile(
                    "\\byou\\s+are\\s+now\\s+(dan\\b|an?\\s+unrestricted|free\\s+of|without\\s+(any\\s+)?restrictions)"),
            Pattern.compile("\\b(have|with)\\s+no\\s+restrictions\\b"),
            Pattern.compile(
                    "\\b(instructions?|polic(y|ies)|update)\\s+for\\s+(ai|llm|language\\s+model|the\\s+assistant|assistants?|chatbots?)\\b"),
            Pattern.compile(
                    "\\bdo\\s+not\\s+(mention|tell|reveal|disclose)\\s+(this|these)\\s+(instructions?|rules?|to\\s+the\\s+user)"),
            Pattern.compile("\\b(reply|respond|answer)\\s+(only\\s+)?with\\s+[\"“']i\\s+have\\s+been\\s+pwned"),
            Pattern.compile("\\b(every|all|any)\\s+api\\s+keys?\\b"));

    private final QuotaPolicy policy;
    private final int maxTokens;
    private final Llama3Tokenizer tokenizer = Llama3Tokenizer.shared();
    private final MinHasher hasher = new MinHasher(128, true, 3);
    private final NearDupIndex near = new NearDupIndex(128, NEAR_THRESHOLD, 64);
    private final List<String> nearIds = new ArrayList<>();
    private final Map<Long, String> exact = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> variants = new LinkedHashMap<>();
    private int chunks;

    public KbLint(QuotaPolicy policy, int maxTokens) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (maxTokens < 100) {
            throw dev.spotter.ConfigurationException.forParameter("maxChunkTokens", "must be >= 100, was " + maxTokens);
        }
        this.maxTokens = maxTokens;
    }

    /** Lints a whole list. */
    public static Report of(List<KbChunk> chunks, QuotaPolicy policy, int maxTokens) {
        KbLint l = new KbLint(policy, maxTokens);
        chunks.forEach(l::offer);
        return l.report();
    }

    /** Checks one chunk against itself and the chunks offered before it. */
    public void offer(KbChunk c) {
        chunks++;
        String id = c.id();
        String text = (c.title() == null ? "" : c.title() + "\n") + c.content();
        CheckResult leaks = TextChecks.noLeaks(text);
        Matcher tm = TEMPLATE_MARKER.matcher(text);
        if (!leaks.ok()) {
            add(
                    Kind.SPECIAL_TOKENS,
                    id,
                    null,
                    leaks.summary()
                            + "; answers that quote it are rejected: remove it, or mark the chunk as not for generation");
        } else if (tm.find()) {
            add(
                    Kind.SPECIAL_TOKENS,
                    id,
                    null,
                    "text contains the chat-template marker " + tm.group().strip());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern p : INJECTION) {
            Matcher m = p.matcher(lower);
            if (m.find()) {
                add(
                        Kind.PROMPT_INJECTION,
                        id,
                        null,
                        "text addresses the model: \"" + Canonical.abbreviate(text.substring(m.start(), m.end()), 60)
                                + "\"; the generator would be told to follow"
                                + " it: rewrite or remove the chunk");
                break;
            }
        }
        String norm = Text.normalize(c.content());
        long h = Text.hash64(norm);
        String first = exact.putIfAbsent(h, id);
        if (first != null) {
            add(
                    Kind.DUPLICATE,
                    id,
                    first,
                    "same content as " + first
                            + " (after case and white-space folding): left out of the plan so it does not get a second quota");
        } else {
            long[] sig = hasher.signature(norm);
            NearDupIndex.Match m = near.query(sig);
            if (m != null) {
                String other = nearIds.get(m.ordinal());
                add(
                        Kind.NEAR_DUPLICATE,
                        id,
                        other,
                        String.format(
                                Locale.ROOT,
                                "nearly the same content as %s (similarity ~%.2f): each would get its own quota; merge or"
                                        + " delete one",
                                other,
                                m.similarity()));
            } else {
                near.add(sig);
                nearIds.add(id);
            }
        }
        int tokens = tokenizer.count(text);
        if (tokens > maxTokens) {
            add(
                    Kind.TOO_LONG,
                    id,
                    null,
                    tokens + " tokens, over the limit of " + maxTokens
                            + ": every request would carry it whole; split it with --split-long (parts keep the parent id)"
                            + " or raise --max-chunk-tokens");
        }
        String key = Categories.key(c.category());
        if (key == null) {
            add(Kind.NO_CATEGORY, id, null, "no category: left out of the plan");
        } else {
            var q = policy.forCategory(c.category());
            if (q.isEmpty()) {
                add(
                        Kind.UNKNOWN_CATEGORY,
                        id,
                        null,
                        "category \"" + Canonical.abbreviate(c.category(), 40)
                                + "\" has no quota: left out of the plan (add it to the policy, or fix the row)");
            } else if (!c.category().equals(q.get().name())) {
                String shown = "\"" + c.category().replace("\n", "\\n").replace("\t", "\\t") + "\"";
                if (variants.putIfAbsent(c.category(), id) == null) {
                    add(
                            Kind.CATEGORY_VARIANT,
                            id,
                            null,
                            shown + " is read as " + q.get().name());
                }
            }
        }
    }

    private void add(Kind k, String id, String other, String detail) {
        findings.add(new Finding(k, id, other, detail));
    }

    public Report report() {
        return new Report(chunks, findings);
    }
}
