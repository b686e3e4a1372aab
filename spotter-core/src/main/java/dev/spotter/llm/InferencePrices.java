package dev.spotter.llm;

import dev.spotter.kernel.Money;
import dev.spotter.kernel.PriceFile;
import dev.spotter.kernel.TokenPrice;
import dev.spotter.kernel.YamlNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A dated table of inference prices: what a chat call costs per input and output token, by model. The bundled
 * table is {@code dev/spotter/llm/prices.yaml} (quoted in USD per 1,000,000 tokens); its {@code as_of} date is
 * reported next to every cost figure because prices drift. Loaded through {@link PriceFile}: exact decimals, errors
 * name the key path, an unknown key is an error. Immutable.
 *
 * <pre>{@code
 * as_of: "2025-11-07"
 * batch_discount: 0.5                          # batch APIs bill this share of the live price
 * models:
 *   gpt-4o: { input: 2.50, output: 10.00 }     # USD per 1M tokens
 * }</pre>
 */
public final class InferencePrices {
    /** Price of one model per input and per output token. */
    public record Price(TokenPrice input, TokenPrice output) {
        public Price {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
        }

        /** From USD per 1,000,000 tokens (the command line's {@code --price-in/--price-out}). */
        public static Price perMillion(double input, double output) {
            return new Price(TokenPrice.perMillion(input), TokenPrice.perMillion(output));
        }

        public Money cost(Usage u) {
            return cost(u.inputTokens(), u.outputTokens());
        }

        public Money cost(long inputTokens, long outputTokens) {
            return input.cost(inputTokens).plus(output.cost(outputTokens));
        }

        /** Both prices times {@code factor} (a batch discount). */
        public Price scaled(BigDecimal factor) {
            return new Price(input.times(factor), output.times(factor));
        }
    }

    private final String asOf;
    private final BigDecimal batchDiscount;
    private final TreeMap<String, Price> models;

    private InferencePrices(String asOf, BigDecimal batchDiscount, TreeMap<String, Price> models) {
        this.asOf = asOf;
        this.batchDiscount = batchDiscount;
        this.models = models;
    }

    /** The table bundled with Spotter. */
    public static InferencePrices bundled() {
        return PriceFile.bundled(InferencePrices.class, "prices.yaml", InferencePrices::parse);
    }

    /** A table of the same layout from {@code file}. */
    public static InferencePrices load(Path file) throws IOException {
        return PriceFile.load(file, InferencePrices::parse);
    }

    private static InferencePrices parse(YamlNode root) {
        String asOf = PriceFile.date(root, "as_of");
        BigDecimal discount = root.number("batch_discount");
        if (discount == null) {
            discount = new BigDecimal("0.5");
        } else if (discount.signum() <= 0 || discount.compareTo(BigDecimal.ONE) > 0) {
            throw root.error(root.at("batch_discount"), "must be > 0 and <= 1, got " + discount.toPlainString());
        }
        Map<String, YamlNode> listed = root.mappings("models");
        if (listed.isEmpty()) {
            throw root.error(root.at("models"), "is required: a mapping of model id to {input, output}");
        }
        TreeMap<String, Price> m = new TreeMap<>();
        listed.forEach((id, p) -> {
            m.put(id, new Price(PriceFile.perMillion(p, "input"), PriceFile.perMillion(p, "output")));
            p.finish();
        });
        return new InferencePrices(asOf, discount.stripTrailingZeros(), m);
    }

    /** Date the prices were taken (ISO yyyy-mm-dd). */
    public String asOf() {
        return asOf;
    }

    /** Multiplier for batch APIs (0.5 = half price). */
    public BigDecimal batchDiscount() {
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
