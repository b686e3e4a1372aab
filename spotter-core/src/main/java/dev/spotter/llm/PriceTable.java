package dev.spotter.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A dated table of inference prices (USD per million tokens). The bundled table is
 * {@code dev/spotter/llm/prices.yaml}; its {@code as_of} date is reported next to every cost figure because
 * prices drift.
 */
public final class PriceTable {
    /** Price of one model, USD per 1,000,000 tokens. */
    public record Price(double inputPerMTok, double outputPerMTok) {
        public Price {
            if (!(inputPerMTok >= 0) || !(outputPerMTok >= 0)) {
                throw new IllegalArgumentException("prices must be >= 0");
            }
        }

        public double cost(Usage u) {
            return (u.inputTokens() * inputPerMTok + u.outputTokens() * outputPerMTok) / 1_000_000.0;
        }

        public double cost(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMTok + outputTokens * outputPerMTok) / 1_000_000.0;
        }

        public Price scaled(double factor) {
            return new Price(inputPerMTok * factor, outputPerMTok * factor);
        }
    }

    private final String asOf;
    private final double batchDiscount;
    private final TreeMap<String, Price> models;

    private PriceTable(String asOf, double batchDiscount, TreeMap<String, Price> models) {
        this.asOf = asOf;
        this.batchDiscount = batchDiscount;
        this.models = models;
    }

    /** The table bundled with Spotter. */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.yaml")) {
            if (in == null) {
                throw new IllegalStateException(
                        "bundled price table dev/spotter/llm/prices.yaml missing from the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), "bundled prices.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PriceTable load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), file.toString());
        }
    }

    private static PriceTable parse(JsonNode root, String where) {
        if (root == null || !root.path("models").isObject()) {
            throw new IllegalArgumentException(where + ": no 'models' map");
        }
        String asOf = root.path("as_of").asText("");
        if (asOf.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'as_of' date missing (prices must be dated)");
        }
        double discount = root.path("batch_discount").asDouble(0.5);
        TreeMap<String, Price> m = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("models").properties()) {
            JsonNode p = e.getValue();
            if (!p.path("input").isNumber() || !p.path("output").isNumber()) {
                throw new IllegalArgumentException(
                        where + ": model '" + e.getKey() + "' needs numeric input and output prices");
            }
            m.put(
                    e.getKey(),
                    new Price(p.path("input").asDouble(), p.path("output").asDouble()));
        }
        return new PriceTable(asOf, discount, m);
    }

    /** Date the prices were taken (ISO yyyy-mm-dd). */
    public String asOf() {
        return asOf;
    }

    /** Multiplier for batch APIs (0.5 = half price). */
    public double batchDiscount() {
        return batchDiscount;
    }

    /** Exact id first, then the longest listed prefix. */
    public Optional<Price> lookup(String model) {
        Price exact = models.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String k : models.keySet()) {
            if (model.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return Optional.ofNullable(best == null ? null : models.get(best));
    }
}
