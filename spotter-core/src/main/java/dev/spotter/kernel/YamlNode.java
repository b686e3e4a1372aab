package dev.spotter.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A read cursor over one YAML mapping that remembers its key path and which keys were read, so that every error
 * names {@code file: path.to.key} and unknown keys (usually typos) are rejected by {@link #finish()} instead of
 * silently ignored. Every configuration file Spotter reads goes through it ({@code spotter.yaml}, the price tables).
 *
 * <pre>{@code
 * YamlNode top = YamlNode.root("prices.yaml", tree, ConfigurationException::new);
 * String asOf = top.reqStr("as_of");        // "prices.yaml: as_of: is required"
 * YamlNode models = top.obj("models");
 * top.finish();                             // "prices.yaml: modles: unknown key (known here: as_of, models)"
 * }</pre>
 *
 * <p>Errors are made by the caller's factory (one message in, one unchecked exception out), so each area keeps its
 * own exception type. Not thread-safe; a cursor is for one pass over one file.
 */
public final class YamlNode {
    private final String file;
    private final String path;
    private final JsonNode node;
    private final Function<String, ? extends RuntimeException> errors;
    private final Set<String> read = new LinkedHashSet<>();

    private YamlNode(
            String file, String path, @Nullable JsonNode node, Function<String, ? extends RuntimeException> errors) {
        this.file = file;
        this.path = path;
        this.errors = errors;
        if (node == null || !node.isObject()) {
            throw error(path, "expected a mapping (key: value), got " + describe(node));
        }
        this.node = node;
    }

    /**
     * The top-level mapping of {@code file} (a name for messages), failing through {@code errors}.
     *
     * @param errors makes the exception for a message such as {@code "spotter.yaml: sources[1].id: is required"}
     */
    public static YamlNode root(
            String file, @Nullable JsonNode node, Function<String, ? extends RuntimeException> errors) {
        return new YamlNode(file, "", node, errors);
    }

    /** An error at key path {@code at} (see {@link #at}) with the reason {@code why}, made by the caller's factory. */
    public RuntimeException error(String at, String why) {
        return errors.apply(file + ": " + (at.isEmpty() ? "(top level)" : at) + ": " + why);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** True when {@code key} holds a mapping (not a scalar or a list); does not mark the key as read. */
    public boolean isMapping(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isObject();
    }

    private @Nullable JsonNode get(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    public @Nullable String str(String key, @Nullable String dflt) {
        JsonNode v = get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isValueNode() || v.isBoolean()) {
            throw error(child(key), "expected a text value, got " + describe(v));
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            throw error(child(key), "must not be empty");
        }
        return s;
    }

    public String reqStr(String key) {
        String s = str(key, null);
        if (s == null) {
            throw error(child(key), "is required");
        }
        return s;
    }

    public long integer(String key, long dflt, long min, long max) {
        JsonNode v = get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber()) {
            throw error(child(key), "expected a whole number, got " + describe(v));
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw error(child(key), "must be between " + min + " and " + max + ", got " + x);
        }
        return x;
    }

    public double decimal(String key, double dflt, double min, double max) {
        JsonNode v = get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw error(child(key), "expected a number, got " + describe(v));
        }
        double x = v.asDouble();
        if (!(x >= min && x <= max)) {
            throw error(child(key), "must be between " + min + " and " + max + ", got " + x);
        }
        return x;
    }

    /**
     * A number exactly as written (when the tree was read with
     * {@code DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS}; otherwise the double's shortest decimal), or null
     * when absent.
     */
    public @Nullable BigDecimal number(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw error(child(key), "expected a number, got " + describe(v));
        }
        return v.decimalValue();
    }

    /** As {@link #number}, required. */
    public BigDecimal reqNumber(String key) {
        BigDecimal n = number(key);
        if (n == null) {
            throw error(child(key), "is required");
        }
        return n;
    }

    public boolean bool(String key, boolean dflt) {
        JsonNode v = get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw error(child(key), "expected true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    /** A list of strings; a single string is accepted as a one-element list. */
    public @Nullable List<String> strings(String key, @Nullable List<String> dflt) {
        JsonNode v = get(key);
        if (v == null) {
            return dflt;
        }
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(v.asText().strip());
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (!e.isTextual() || e.asText().isBlank()) {
                    throw error(child(key) + "[" + i + "]", "expected a non-empty text value, got " + describe(e));
                }
                out.add(e.asText().strip());
            }
        } else {
            throw error(child(key), "expected a list of text values, got " + describe(v));
        }
        return List.copyOf(out);
    }

    /** A mapping of name to whole number, in file order. */
    public Map<String, Integer> counts(String key) {
        JsonNode v = get(key);
        Map<String, Integer> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw error(child(key), "expected a mapping of name: count, got " + describe(v));
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode c = e.getValue();
            if (!c.isIntegralNumber() || c.asLong() < 0 || c.asLong() > Integer.MAX_VALUE) {
                throw error(child(key) + "." + e.getKey(), "expected a whole number >= 0, got " + describe(c));
            }
            out.put(e.getKey(), c.asInt());
        }
        return out;
    }

    /** The mappings under {@code key} by name, in file order ({@code models: {gpt-4o: {input: 2.5}}}); empty when absent. */
    public Map<String, YamlNode> mappings(String key) {
        JsonNode v = get(key);
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw error(child(key), "expected a mapping of name: mapping, got " + describe(v));
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            out.put(e.getKey(), new YamlNode(file, child(key) + "." + e.getKey(), e.getValue(), errors));
        }
        return out;
    }

    public YamlNode obj(String key) {
        JsonNode v = get(key);
        return new YamlNode(
                file,
                child(key),
                v == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : v,
                errors);
    }

    public List<YamlNode> objects(String key) {
        JsonNode v = get(key);
        List<YamlNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            throw error(child(key), "expected a list, got " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new YamlNode(file, child(key) + "[" + i + "]", v.get(i), errors));
        }
        return out;
    }

    public String path() {
        return path;
    }

    public String at(String key) {
        return child(key);
    }

    /** Fails on the first key that no getter asked for: a typo must not silently become a default. */
    public void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                throw error(child(k), "unknown key (known here: " + String.join(", ", read) + ")");
            }
        }
    }

    public static String describe(@Nullable JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "'" + v.asText() + "'";
    }
}
