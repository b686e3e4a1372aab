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

    /** A chunk that gets no quota, with the reason (a stable code and words): it is left out of the plan. */
    public record Excluded(KbChunk chunk, String code, String reason) {}

    /** Quotas for the chunks that can be planned, and the chunks that cannot, each with its reason. */
    public record Allocation(List<ChunkQuota> quotas, List<Excluded> excluded) {
        public Allocation {
            quotas = List.copyOf(quotas);
            excluded = List.copyOf(excluded);
        }

        public int total() {
            return quotas.stream().mapToInt(ChunkQuota::target).sum();
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
     * The quota for a chunk category, by name or alias, both normalised by {@link Categories#key} (white space
     * trimmed, case folded, spaces and hyphens read as underscores).
     */
    public Optional<CategoryQuota> forCategory(String category) {
        return Categories.key(category) == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(category)));
    }

    /**
     * Exact per-chunk targets for these chunks, in the order given.
     *
     * @throws DataSourceException naming the chunks whose category has no quota (they cannot be planned); use
     *     {@link #allocate} to leave them out with a reason instead
     */
    public List<ChunkQuota> plan(Collection<KbChunk> chunks) {
        Allocation a = allocate(chunks);
        if (!a.excluded().isEmpty()) {
            List<String> unknown = a.excluded().stream()
                    .map(e -> e.chunk().id() + " (" + e.chunk().category() + ")")
                    .toList();
            throw new DataSourceException("no quota for the category of chunk" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                    + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "")
                    + "; known categories: "
                    + categories.stream().map(CategoryQuota::name).toList());
        }
        return a.quotas();
    }

    /**
     * Exact per-chunk targets for the chunks whose category (normalised by {@link Categories#key}) has a quota;
     * a chunk with no category or an unknown one is {@linkplain Excluded excluded} with code {@code no_category}
     * or {@code unknown_category}, so one odd row never fails the whole plan. The category total is spread over
     * the plannable chunks only.
     */
    public Allocation allocate(Collection<KbChunk> chunks) {
        Map<CategoryQuota, List<KbChunk>> grouped = new LinkedHashMap<>();
        List<Excluded> excluded = new ArrayList<>();
        for (KbChunk c : chunks) {
            Optional<CategoryQuota> q = forCategory(c.category());
            if (Categories.key(c.category()) == null) {
                excluded.add(new Excluded(c, "no_category", "the chunk has no category, so it has no quota"));
            } else if (q.isEmpty()) {
                excluded.add(new Excluded(
                        c,
                        "unknown_category",
                        "category \"" + Canonical.abbreviate(c.category(), 40)
                                + "\" is not in the quota policy (known: "
                                + String.join(
                                        ", ",
                                        categories.stream()
                                                .map(CategoryQuota::name)
                                                .toList())
                                + ")"));
            } else {
                grouped.computeIfAbsent(q.get(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<KbChunk, ChunkQuota> byChunk = new java.util.IdentityHashMap<>();
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
            ChunkQuota q = byChunk.get(c);
            if (q != null) {
                out.add(q);
            }
        }
        return new Allocation(out, excluded);
    }

    static String key(String s) {
        String k = Categories.key(s);
        return k == null ? "" : k;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
