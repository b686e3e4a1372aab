package dev.spotter.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dated training prices per provider, from {@code dev/spotter/report/prices.yaml} or a file of the same layout.
 * Loading fails at once, naming the provider and field, when an entry is incomplete: a price without a date or
 * source is not trusted.
 */
public final class PriceTable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String RESOURCE = "/dev/spotter/report/prices.yaml";

    /** One provider's price. {@code tokenCap} 0 = no cap. */
    public record Price(
            String provider, BigDecimal pricePer1k, String asOf, String source, int tokenCap, String note) {}

    private final String currency;
    private final String defaultProvider;
    private final Map<String, Price> providers;

    private PriceTable(String currency, String defaultProvider, Map<String, Price> providers) {
        this.currency = currency;
        this.defaultProvider = defaultProvider;
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** The table shipped in the jar. */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(YAML.readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static PriceTable load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(YAML.readTree(in), file.toString());
        }
    }

    static PriceTable parse(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": not a YAML mapping");
        }
        JsonNode ps = root.path("providers");
        if (!ps.isObject() || ps.isEmpty()) {
            throw new IllegalArgumentException(where + ": no providers");
        }
        Map<String, Price> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : ps.properties()) {
            String p = e.getKey();
            JsonNode n = e.getValue();
            JsonNode price = n.get("price_per_1k_tokens");
            if (price == null || !price.isNumber() || price.decimalValue().signum() < 0) {
                throw new IllegalArgumentException(
                        where + ": provider " + p + ": price_per_1k_tokens must be a number >= 0");
            }
            String asOf = text(n, "as_of", where, p);
            String source = text(n, "source", where, p);
            int cap = n.path("token_cap").asInt(0);
            out.put(
                    p,
                    new Price(
                            p,
                            price.decimalValue().stripTrailingZeros(),
                            asOf,
                            source,
                            cap,
                            n.path("note").asText("")));
        }
        String def = root.path("default").asText(out.keySet().iterator().next());
        if (!out.containsKey(def)) {
            throw new IllegalArgumentException(
                    where + ": default provider " + def + " is not in providers " + out.keySet());
        }
        return new PriceTable(root.path("currency").asText("USD"), def, out);
    }

    private static String text(JsonNode n, String field, String where, String provider) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": provider " + provider + ": " + field + " is required");
        }
        return v.asText();
    }

    public String currency() {
        return currency;
    }

    public Price defaultPrice() {
        return providers.get(defaultProvider);
    }

    public Map<String, Price> providers() {
        return providers;
    }

    /** @throws IllegalArgumentException naming the known providers */
    public Price get(String provider) {
        Price p = providers.get(provider);
        if (p == null) {
            throw new IllegalArgumentException("unknown provider \"" + provider + "\"; known: " + providers.keySet());
        }
        return p;
    }
}
