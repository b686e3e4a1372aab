package dev.spotter.report;

import dev.spotter.ConfigurationException;
import dev.spotter.kernel.Money;
import dev.spotter.kernel.PriceFile;
import dev.spotter.kernel.TokenPrice;
import dev.spotter.kernel.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dated training prices per provider: what a fine-tune costs per billed token. From
 * {@code dev/spotter/report/prices.yaml} (quoted in USD per 1,000 tokens) or a file of the same layout, loaded
 * through {@link PriceFile}: exact decimals, errors name the key path, an unknown key is an error. An entry without
 * a date or a source fails at once, naming the provider and the field: a price nobody can trace is not trusted.
 *
 * <pre>{@code
 * currency: USD                                 # the only currency Spotter computes in
 * default: brief
 * providers:
 *   brief: { price_per_1k_tokens: 0.0008, as_of: "2025-11-07", token_cap: 24576, source: "...", note: "..." }
 * }</pre>
 */
public final class TrainingPrices {
    /**
     * One provider's price. {@code tokenCap} 0 = no cap.
     *
     * @param price per billed token (quoted per 1K)
     */
    public record Price(String provider, TokenPrice price, String asOf, String source, int tokenCap, String note) {
        /** The price of 1,000 billed tokens, as quoted. */
        public Money pricePer1k() {
            return price.perThousand();
        }
    }

    private final String defaultProvider;
    private final Map<String, Price> providers;

    private TrainingPrices(String defaultProvider, Map<String, Price> providers) {
        this.defaultProvider = defaultProvider;
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** The table shipped in the jar. */
    public static TrainingPrices bundled() {
        return PriceFile.bundled(TrainingPrices.class, "prices.yaml", TrainingPrices::parse);
    }

    public static TrainingPrices load(Path file) throws IOException {
        return PriceFile.load(file, TrainingPrices::parse);
    }

    private static TrainingPrices parse(YamlNode root) {
        String currency = root.str("currency", "USD");
        if (!"USD".equals(currency)) {
            throw root.error(root.at("currency"), "only USD is supported, got '" + currency + "'");
        }
        Map<String, YamlNode> listed = root.mappings("providers");
        if (listed.isEmpty()) {
            throw root.error(root.at("providers"), "no providers");
        }
        Map<String, Price> out = new LinkedHashMap<>();
        listed.forEach((p, n) -> {
            TokenPrice price = PriceFile.perThousand(n, "price_per_1k_tokens");
            require(n, "as_of", p);
            String asOf = PriceFile.date(n, "as_of");
            require(n, "source", p);
            String source = n.reqStr("source");
            int cap = (int) n.integer("token_cap", 0, 0, Integer.MAX_VALUE);
            String note = n.has("note") ? n.reqStr("note") : "";
            n.finish();
            out.put(p, new Price(p, price, asOf, source, cap, note));
        });
        String def = root.str("default", out.keySet().iterator().next());
        if (!out.containsKey(def)) {
            throw root.error(root.at("default"), "default provider " + def + " is not in providers " + out.keySet());
        }
        return new TrainingPrices(def, out);
    }

    /** A text field every price must have; the message names the provider and the field. */
    private static void require(YamlNode n, String field, String provider) {
        if (!n.has(field)) {
            throw n.error(
                    n.at(field),
                    "provider " + provider + ": " + field + " is required (a price without its date and source is"
                            + " not trusted)");
        }
    }

    /** Always {@code USD}: {@link Money} is US dollars. */
    public String currency() {
        return "USD";
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
            throw new ConfigurationException("no training price for provider \"" + provider + "\" in the price table;"
                    + " known providers: " + String.join(", ", providers.keySet())
                    + ". For another platform pass its current rate with --price-per-1k X (Together: POST"
                    + " /v1/fine-tunes/estimate-price or https://together.ai/pricing) or a table with --prices FILE");
        }
        return p;
    }
}
