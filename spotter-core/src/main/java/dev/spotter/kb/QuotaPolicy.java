package dev.spotter.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotter.ConfigurationException;
import dev.spotter.DataSourceException;
import dev.spotter.FileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How many training examples each knowledge-base chunk must yield, per category: data, not code
 * ({@code dev/spotter/kb/kb-quota.yaml}, overridable with a file of the same shape).
 *
 * <p>The default is the brief's table: MVQ 5–10 per chunk (~50 in all), experience classification 10–15 (~50),
 * decision trees 5–10 (~30), equipment substitutions 3–5 (~12), injury modifications 3–5 (~12), customization
 * examples 2–3 (~5); decision trees and customization examples include multi-turn conversations.
 *
 * <p>{@link #plan(Collection)} turns the policy and the actual chunks into an exact per-chunk target: the category
 * total is spread evenly over its chunks (the remainder going to the first chunks in id order) and each target is
 * clamped to [min, max]. With the brief's 23 chunks this gives 50 + 50 + 30 + 12 + 12 + 5 = 159 examples.
 */
public final class QuotaPolicy {
    /** Quota of one category. */
    public record CategoryQuota(String name, List<String> aliases, int min, int max, int total, double multiTurnShare) {
        public CategoryQuota {
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
            if (min < 1 || max < min) {
                throw new ConfigurationException(
                        "category " + name + ": need 1 <= min <= max, got min " + min + ", max " + max);
            }
            if (total < 0) {
                throw new ConfigurationException("category " + name + ": total must be >= 0, got " + total);
            }
            if (!(multiTurnShare >= 0 && multiTurnShare <= 1)) {
                throw new ConfigurationException(
                        "category " + name + ": multi_turn must be in [0, 1], got " + multiTurnShare);
            }
        }
    }

    /** The exact quota of one chunk. {@code multiTurn} of the {@code target} examples must be multi-turn. */
    public record ChunkQuota(KbChunk chunk, CategoryQuota category, int target, int multiTurn) {
        public int min() {
            return category.min();
        }

        public int max() {
            return category.max();
        }
    }

    private final Map<String, CategoryQuota> byKey;
    private final List<CategoryQuota> categories;

    private QuotaPolicy(List<CategoryQuota> categories) {
        this.categories = List.copyOf(categories);
        Map<String, CategoryQuota> m = new LinkedHashMap<>();
        for (CategoryQuota q : categories) {
            for (String k : concat(q.name(), q.aliases())) {
                CategoryQuota prev = m.put(key(k), q);
                if (prev != null && prev != q) {
                    throw new ConfigurationException(
                            "category name or alias \"" + k + "\" is used by both " + prev.name() + " and " + q.name());
                }
            }
        }
        this.byKey = m;
    }

    public static QuotaPolicy of(List<CategoryQuota> categories) {
        if (categories.isEmpty()) {
            throw new ConfigurationException("a quota policy needs at least one category");
        }
        return new QuotaPolicy(categories);
    }

    /** The bundled policy from the brief. */
    public static QuotaPolicy defaults() {
        try (InputStream in = QuotaPolicy.class.getResourceAsStream("/dev/spotter/kb/kb-quota.yaml")) {
            if (in == null) {
                throw new IllegalStateException("kb-quota.yaml missing from the class path");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), "kb-quota.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled kb-quota.yaml", e);
        }
    }

    /** A policy file of the same shape as the bundled one. */
    public static QuotaPolicy load(Path file) {
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(Files.newInputStream(file)), file.toString());
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
    }

    static QuotaPolicy parse(JsonNode root, String source) {
        JsonNode cats = root == null ? null : root.get("categories");
        if (cats == null || !cats.isArray() || cats.isEmpty()) {
            throw new ConfigurationException(source + ": needs a non-empty \"categories\" list");
        }
        List<CategoryQuota> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : cats) {
            i++;
            try {
                List<String> aliases = new ArrayList<>();
                if (c.has("aliases")) {
                    c.get("aliases").forEach(a -> aliases.add(a.asText()));
                }
                out.add(new CategoryQuota(
                        required(c, "name").asText(),
                        aliases,
                        required(c, "min").asInt(),
                        required(c, "max").asInt(),
                        required(c, "total").asInt(),
                        c.has("multi_turn") ? c.get("multi_turn").asDouble() : 0.0));
            } catch (IllegalArgumentException | ConfigurationException e) {
                throw new ConfigurationException(source + ": category #" + i + ": " + e.getMessage(), e);
            }
        }
        try {
            return of(out);
        } catch (IllegalArgumentException | ConfigurationException e) {
            throw new ConfigurationException(source + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode c, String field) {
        JsonNode n = c.get(field);
        if (n == null || n.isNull()) {
            throw new ConfigurationException("missing \"" + field + "\"");
        }
        return n;
    }

    public List<CategoryQuota> categories() {
        return categories;
    }

    /**
     * The quota for a chunk category, matched case-insensitively with spaces and hyphens read as underscores,
     * by name or alias.
     */
    public Optional<CategoryQuota> forCategory(String category) {
        return category == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(category)));
    }

    /**
     * Exact per-chunk targets for these chunks, in the order given.
     *
     * @throws DataSourceException naming the chunks whose category has no quota (they cannot be planned)
     */
    public List<ChunkQuota> plan(Collection<KbChunk> chunks) {
        Map<CategoryQuota, List<KbChunk>> grouped = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (KbChunk c : chunks) {
            Optional<CategoryQuota> q = forCategory(c.category());
            if (q.isEmpty()) {
                unknown.add(c.id() + " (" + c.category() + ")");
            } else {
                grouped.computeIfAbsent(q.get(), k -> new ArrayList<>()).add(c);
            }
        }
        if (!unknown.isEmpty()) {
            throw new DataSourceException("no quota for the category of chunk" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                    + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "")
                    + "; known categories: "
                    + categories.stream().map(CategoryQuota::name).toList());
        }
        Map<KbChunk, ChunkQuota> byChunk = new LinkedHashMap<>();
        grouped.forEach((q, list) -> {
            int n = list.size();
            int base = q.total() / n;
            int rem = q.total() % n;
            for (int i = 0; i < n; i++) {
                int target = Math.max(q.min(), Math.min(q.max(), base + (i < rem ? 1 : 0)));
                int multi = (int) Math.ceil(target * q.multiTurnShare() - 1e-9);
                byChunk.put(list.get(i), new ChunkQuota(list.get(i), q, target, multi));
            }
        });
        List<ChunkQuota> out = new ArrayList<>();
        for (KbChunk c : chunks) {
            out.add(byChunk.get(c));
        }
        return out;
    }

    static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
