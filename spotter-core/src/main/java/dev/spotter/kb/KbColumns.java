package dev.spotter.kb;

import dev.spotter.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which columns of a table hold a chunk's fields. The default is the brief's {@code knowledge_base} shape (the field
 * names themselves); a mapping ({@code spotter.yaml} {@code columns:}, or {@code --column FIELD=EXPR}) names others:
 * {@code content=chunk_text}, {@code id=chunk_id}, or a JSON path into a {@code jsonb}/{@code json} column such as
 * {@code category=metadata->>category} (LangChain's {@code documents} table) or {@code metadata->'a'->>'b'}.
 * {@code FIELD=none} leaves an optional field out.
 *
 * <p>Rules the reader applies ({@link KbTable#bind}): {@code id} and {@code content} must exist; a column named by
 * the user must exist; an optional field whose default column is missing is simply null (a table without
 * {@code title} is fine). Columns Spotter does not need (tags, subcategory, embeddings of any type) are never
 * selected, so their type does not matter.
 */
public final class KbColumns {
    /** The chunk fields a column can supply. */
    public enum Field {
        ID,
        CONTENT,
        CATEGORY,
        TITLE,
        METADATA,
        CREATED_AT,
        UPDATED_AT;

        /** The name in mappings and in chunks JSONL ({@code created_at}). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean required() {
            return this == ID || this == CONTENT;
        }

        static Field of(String name) {
            for (Field f : values()) {
                if (f.key().equals(name.strip().toLowerCase(Locale.ROOT).replace('-', '_'))) {
                    return f;
                }
            }
            throw new ConfigurationException(
                    "unknown chunk field \"" + name
                            + "\" in a column mapping (fields: id, content, category, title, metadata, created_at, updated_at)");
        }
    }

    /** A column, optionally followed by a path of keys into its JSON value ({@code metadata->>category}). */
    public record Ref(String column, List<String> path) {
        public Ref {
            path = List.copyOf(path);
        }

        /** As written in a mapping. */
        public String text() {
            StringBuilder sb = new StringBuilder(column);
            for (int i = 0; i < path.size(); i++) {
                sb.append(i == path.size() - 1 ? "->>" : "->").append(path.get(i));
            }
            return sb.toString();
        }
    }

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STEP = Pattern.compile("\\s*->>?\\s*(?:'([^']+)'|([A-Za-z0-9_.-]+))");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_. -]+");

    private final Map<Field, Ref> refs;
    private final EnumSet<Field> explicit;

    private KbColumns(Map<Field, Ref> refs, EnumSet<Field> explicit) {
        this.refs = Collections.unmodifiableMap(new EnumMap<>(refs));
        this.explicit = explicit;
    }

    /** The brief's shape: each field in the column of the same name. */
    public static KbColumns defaults() {
        return of(Map.of());
    }

    /**
     * A mapping {@code field -> column expression}; fields not named keep their default column.
     *
     * @throws ConfigurationException for an unknown field, a bad column name or JSON path, or leaving out a required
     *     field
     */
    public static KbColumns of(Map<String, String> mapping) {
        Map<Field, Ref> refs = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            refs.put(f, new Ref(f.key(), List.of()));
        }
        EnumSet<Field> explicit = EnumSet.noneOf(Field.class);
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            Field f = Field.of(e.getKey());
            String v = e.getValue() == null ? "" : e.getValue().strip();
            explicit.add(f);
            if (v.isEmpty() || v.equalsIgnoreCase("none")) {
                if (f.required()) {
                    throw new ConfigurationException("column mapping: " + f.key() + " cannot be left out");
                }
                refs.remove(f);
            } else {
                refs.put(f, parse(f, v));
            }
        }
        return new KbColumns(refs, explicit);
    }

    static Ref parse(Field f, String expr) {
        Matcher head = COLUMN.matcher(expr);
        if (!head.lookingAt()) {
            throw bad(f, expr);
        }
        String column = head.group();
        List<String> path = new ArrayList<>();
        Matcher step = STEP.matcher(expr);
        int at = head.end();
        while (at < expr.length()) {
            step.region(at, expr.length());
            if (!step.lookingAt()) {
                throw bad(f, expr);
            }
            String key = step.group(1) != null ? step.group(1) : step.group(2);
            if (!KEY.matcher(key).matches()) {
                throw bad(f, expr);
            }
            path.add(key);
            at = step.end();
        }
        if (f == Field.METADATA && !path.isEmpty()) {
            throw new ConfigurationException("column mapping: metadata must be a whole column, not a JSON path");
        }
        return new Ref(column, path);
    }

    private static ConfigurationException bad(Field f, String expr) {
        return new ConfigurationException("column mapping " + f.key() + "=" + Canonical.abbreviate(expr, 60)
                + ": expected a column name, optionally with a JSON path such as metadata->>category or"
                + " metadata->'source'->>'kind' (letters, digits, _ . - and spaces in keys)");
    }

    /** The column (and path) for a field, or null when the field is left out. */
    public Ref ref(Field f) {
        return refs.get(f);
    }

    /** True when the user named this field's column (it must then exist). */
    public boolean explicit(Field f) {
        return explicit.contains(f);
    }

    /** True for the brief's shape. */
    public boolean isDefault() {
        return explicit.isEmpty();
    }

    /** {@code content=chunk_text, category=metadata->>category} (the explicit entries only). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Field f : explicit) {
            Ref r = refs.get(f);
            parts.add(f.key() + "=" + (r == null ? "none" : r.text()));
        }
        return String.join(", ", parts);
    }

    /** The mapping as given ({@code field -> expression}), for a command line or a file. */
    public Map<String, String> mapping() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Field f : explicit) {
            Ref r = refs.get(f);
            out.put(f.key(), r == null ? "none" : r.text());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KbColumns k && k.refs.equals(refs) && k.explicit.equals(explicit);
    }

    @Override
    public int hashCode() {
        return refs.hashCode();
    }

    @Override
    public String toString() {
        return isDefault() ? "default columns" : describe();
    }
}
