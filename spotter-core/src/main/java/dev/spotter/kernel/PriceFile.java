package dev.spotter.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotter.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The one loader of dated price tables (the inference prices of {@code llm/prices.yaml}, the training prices of
 * {@code report/prices.yaml}, or a user's file of the same layout). Each table says what it holds through a parse
 * function over a {@link YamlNode}; this class reads the YAML with exact decimals (a price written {@code 0.0008}
 * is exactly that, never the nearest double), runs the parse, rejects unknown keys at the top level (each parse
 * function finishes its own nested mappings) and turns every problem into an {@link IllegalArgumentException}
 * whose message names the file and the key path ({@code prices.yaml: models.gpt-4o.input: expected a number}).
 *
 * <p>Why dated: prices change, so every table carries the date its figures were taken ({@link #date}, ISO
 * {@code yyyy-mm-dd}), and every cost Spotter reports names that date.
 */
public final class PriceFile {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PriceFile() {}

    /**
     * A table bundled in the jar: {@code resource} is resolved against {@code owner}'s package, like
     * {@link Class#getResourceAsStream}.
     *
     * @throws IllegalStateException when the resource is missing (a broken jar)
     */
    public static <T> T bundled(Class<?> owner, String resource, Function<YamlNode, T> parse) {
        String name = owner.getPackageName().replace('.', '/') + "/" + resource + " (bundled)";
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("price table " + name + " is missing from the classpath");
            }
            return parse(read(in, name), name, parse);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price table " + name + ": " + IoErrors.reason(e), e);
        }
    }

    /** A table from {@code file}; an unreadable file is an IOException naming the file and the reason. */
    public static <T> T load(Path file, Function<YamlNode, T> parse) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + IoErrors.reason(e), e);
        }
        try (in) {
            return parse(read(in, file.toString()), file.toString(), parse);
        }
    }

    private static JsonNode read(InputStream in, String name) throws IOException {
        try {
            return YAML.readTree(in);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ConfigurationException(
                    name + ": not valid YAML" + (at == null ? "" : " at line " + at.getLineNr()) + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    private static <T> T parse(JsonNode tree, String name, Function<YamlNode, T> parse) {
        YamlNode root = YamlNode.root(name, tree, ConfigurationException::new);
        T table = parse.apply(root);
        root.finish();
        return table;
    }

    /** A required ISO date ({@code as_of: "2025-11-07"}), returned as written. */
    public static String date(YamlNode n, String key) {
        String s = n.reqStr(key);
        try {
            LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw n.error(n.at(key), "expected a date yyyy-mm-dd (when the price was taken), got '" + s + "'");
        }
        return s;
    }

    /** A required price in USD per 1,000 tokens, exact and {@code >= 0}. */
    public static TokenPrice perThousand(YamlNode n, String key) {
        return price(n, key, TokenPrice::perThousand);
    }

    /** A required price in USD per 1,000,000 tokens, exact and {@code >= 0}. */
    public static TokenPrice perMillion(YamlNode n, String key) {
        return price(n, key, TokenPrice::perMillion);
    }

    private static TokenPrice price(YamlNode n, String key, Function<BigDecimal, TokenPrice> unit) {
        BigDecimal v = n.number(key);
        if (v == null) {
            throw n.error(n.at(key), "is required (USD)");
        }
        if (v.signum() < 0) {
            throw n.error(n.at(key), "must be >= 0, got " + v.toPlainString());
        }
        try {
            return unit.apply(v);
        } catch (IllegalArgumentException e) {
            throw n.error(n.at(key), String.valueOf(e.getMessage()));
        }
    }
}
