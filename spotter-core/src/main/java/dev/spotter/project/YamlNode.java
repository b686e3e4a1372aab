package dev.spotter.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read cursor over one YAML mapping that remembers its key path and which keys were read, so that every error
 * names {@code file: path.to.key} and unknown keys (usually typos) are rejected instead of silently ignored.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new LinkedHashSet<>();

    YamlNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw error(path, "expected a mapping (key: value), got " + describe(node));
        }
    }

    ProjectException error(String at, String why) {
        return new ProjectException(file + ": " + (at.isEmpty() ? "(top level)" : at) + ": " + why);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String str(String key, String dflt) {
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

    String reqStr(String key) {
        String s = str(key, null);
        if (s == null) {
            throw error(child(key), "is required");
        }
        return s;
    }

    long integer(String key, long dflt, long min, long max) {
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

    double decimal(String key, double dflt, double min, double max) {
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

    boolean bool(String key, boolean dflt) {
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
    List<String> strings(String key, List<String> dflt) {
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
    Map<String, Integer> counts(String key) {
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

    YamlNode obj(String key) {
        JsonNode v = get(key);
        return new YamlNode(
                file,
                child(key),
                v == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : v);
    }

    List<YamlNode> objects(String key) {
        JsonNode v = get(key);
        List<YamlNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            throw error(child(key), "expected a list, got " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new YamlNode(file, child(key) + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    String path() {
        return path;
    }

    String at(String key) {
        return child(key);
    }

    /** Fails on the first key that no getter asked for: a typo must not silently become a default. */
    void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                throw error(child(k), "unknown key (known here: " + String.join(", ", read) + ")");
            }
        }
    }

    static String describe(JsonNode v) {
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
