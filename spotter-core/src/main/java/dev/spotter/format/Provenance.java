package dev.spotter.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a provenance sidecar: line N of {@code x.provenance.jsonl} describes line N of {@code x.jsonl}. The
 * one schema for every sidecar Spotter writes (generation, the knowledge-base generator, the build), with one
 * casing, snake_case (what the batch APIs' {@code custom_id} and Python readers use). Keys in this order, a part
 * that does not apply left out:
 *
 * <pre>{@code
 * {"line", "id", "source", "plan", "category", "slot", "file", "source_line", "custom_id", "attributes",
 *  "prompt_sha256", "provider", "model", "request_id", "mode", "run_id", "tokens", "input_tokens", "output_tokens",
 *  "cost_usd", "price_as_of", "created_at", "pii"}
 * }</pre>
 *
 * <ul>
 *   <li>always: {@code line} (1-based) and, when known, {@code category};</li>
 *   <li>where the build took it from ({@link Built}): {@code id, source, file, source_line, tokens, pii};</li>
 *   <li>how it was generated ({@link Generated}): {@code plan, slot, custom_id, attributes, prompt_sha256,
 *       provider, model, request_id, mode, run_id, input_tokens, output_tokens, cost_usd, price_as_of, created_at};
 *       all of
 *       them are written, {@code null} where unknown (no request id in batch mode, no cost without a price).</li>
 * </ul>
 *
 * <p>Why in {@code format}: like the quarantine record it is a file format that crosses packages (generation
 * writes it, the build, the knowledge-base coverage check and evaluation read it); the kernel holds mechanisms
 * that know no data format. {@link #parse} accepts the older camelCase names ({@code sourceLine},
 * {@code customId}, {@code promptSha256}, ...) so sidecars written before this schema keep loading, and any subset
 * of the keys (hand-written sidecars name only what they know). Unknown keys are ignored by the reader.
 */
public record Provenance(long line, String category, Built built, Generated generated) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where the build took the example from.
     *
     * @param id         {@code source:file:line}
     * @param source     the build source id
     * @param file       project-relative input file
     * @param sourceLine line in {@code file}
     * @param tokens     Llama 3 tokens of the rendered example
     * @param pii        what the PII scrub replaced, or null
     */
    public record Built(String id, String source, String file, Long sourceLine, Integer tokens, JsonNode pii) {}

    /**
     * How an example was generated; every field may be null in a hand-written or older sidecar.
     *
     * @param attributes   the slot's attributes (a JSON object; {@code source_id} names a knowledge-base chunk)
     * @param promptSha256 SHA-256 hex of the category's prompts
     * @param mode         {@code live} or {@code batch}
     * @param costUsd      dollars, or null without a price
     * @param priceAsOf    the price table's date ({@code override}, or {@code DATE x0.5} for batch prices)
     * @param runId        the generation run (one {@code spotter generate} run or one batch-API import) that put the
     *                     example into the output; review cuts one batch per run id
     */
    public record Generated(
            String plan,
            Integer slot,
            String customId,
            JsonNode attributes,
            String promptSha256,
            String provider,
            String model,
            String requestId,
            String mode,
            Long inputTokens,
            Long outputTokens,
            Double costUsd,
            String priceAsOf,
            String createdAt,
            String runId) {}

    /** The JSON object, keys in schema order. */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("line", line);
        Built b = built;
        Generated g = generated;
        if (b != null) {
            o.put("id", b.id());
            o.put("source", b.source());
        }
        if (g != null) {
            o.put("plan", g.plan());
        }
        if (category != null) {
            o.put("category", category);
        }
        if (g != null) {
            o.put("slot", g.slot());
        }
        if (b != null) {
            o.put("file", b.file());
            o.put("source_line", b.sourceLine());
        }
        if (g != null) {
            o.put("custom_id", g.customId());
            o.set("attributes", g.attributes());
            o.put("prompt_sha256", g.promptSha256());
            o.put("provider", g.provider());
            o.put("model", g.model());
            o.put("request_id", g.requestId());
            o.put("mode", g.mode());
            o.put("run_id", g.runId());
        }
        if (b != null) {
            o.put("tokens", b.tokens());
        }
        if (g != null) {
            o.put("input_tokens", g.inputTokens());
            o.put("output_tokens", g.outputTokens());
            o.put("cost_usd", g.costUsd());
            o.put("price_as_of", g.priceAsOf());
            o.put("created_at", g.createdAt());
        }
        if (b != null && b.pii() != null) {
            o.set("pii", b.pii());
        }
        return o;
    }

    /** One JSONL line (without the newline). */
    public String toJsonLine() {
        return toJson().toString();
    }

    /**
     * Reads one sidecar line, in this schema or the older camelCase one.
     *
     * @throws IllegalArgumentException when the line is not a JSON object
     */
    public static Provenance parse(String jsonLine) {
        try {
            return of(JSON.readTree(jsonLine));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a provenance line: not valid JSON", e);
        }
    }

    /** As {@link #parse}, from a parsed object. */
    public static Provenance of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a provenance line: not a JSON object");
        }
        ObjectNode n = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = snake(e.getKey());
            if (!n.has(key) || e.getKey().equals(key)) { // the snake_case spelling wins over an old one
                n.set(key, e.getValue());
            }
        }
        Built b = null;
        if (any(n, "id", "source", "file", "source_line", "tokens", "pii")) {
            b = new Built(
                    text(n, "id"),
                    text(n, "source"),
                    text(n, "file"),
                    number(n, "source_line"),
                    n.hasNonNull("tokens") ? n.get("tokens").asInt() : null,
                    n.hasNonNull("pii") ? n.get("pii") : null);
        }
        Generated g = null;
        if (any(
                n,
                "plan",
                "slot",
                "custom_id",
                "attributes",
                "prompt_sha256",
                "provider",
                "model",
                "request_id",
                "mode",
                "input_tokens",
                "output_tokens",
                "cost_usd",
                "price_as_of",
                "created_at",
                "run_id")) {
            g = new Generated(
                    text(n, "plan"),
                    n.hasNonNull("slot") ? n.get("slot").asInt() : null,
                    text(n, "custom_id"),
                    n.hasNonNull("attributes") ? n.get("attributes") : null,
                    text(n, "prompt_sha256"),
                    text(n, "provider"),
                    text(n, "model"),
                    text(n, "request_id"),
                    text(n, "mode"),
                    number(n, "input_tokens"),
                    number(n, "output_tokens"),
                    n.hasNonNull("cost_usd") ? n.get("cost_usd").asDouble() : null,
                    text(n, "price_as_of"),
                    text(n, "created_at"),
                    text(n, "run_id"));
        }
        return new Provenance(n.path("line").asLong(0), text(n, "category"), b, g);
    }

    /** {@code sourceLine} -> {@code source_line}, {@code promptSha256} -> {@code prompt_sha256}; snake as is. */
    static String snake(String key) {
        StringBuilder b = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean any(JsonNode n, String... keys) {
        for (String k : keys) {
            if (n.has(k)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asLong();
    }
}
