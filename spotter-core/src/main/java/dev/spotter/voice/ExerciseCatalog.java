package dev.spotter.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotter.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The exercise catalog: exercises plus an alias index for longest-match lookup over normalised words.
 *
 * <p>The index is a word trie (one hash map per node), so matching at a position costs at most one map lookup per
 * word of the longest alias (5 words here) and no regular expressions. Memory: about 1,240 alias forms for the
 * bundled catalog; it does not grow with input.
 *
 * <p>Loading fails fast with the file, the entry and the reason (duplicate id, alias claimed by two exercises,
 * bad id, missing field, a {@code dumbbell:} variant that is not a dumbbell exercise). Plural forms of each alias's last word are added automatically; when a generated
 * plural collides with another exercise's alias, the explicit alias wins.
 */
public final class ExerciseCatalog {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static volatile ExerciseCatalog bundled;

    private final List<Exercise> exercises;
    private final Map<String, Exercise> byId;
    private final Node root = new Node();
    private final Map<String, Exercise> aliasIndex = new HashMap<>();
    private final int aliasCount;
    /** Exercise id → its dumbbell variant ({@code dumbbell:} in the YAML), for "curls 35s". */
    private final Map<String, Exercise> dumbbellVariants = new HashMap<>();
    /** The one-edit fallback index, built on first use (most parses never miss an alias). */
    private volatile FuzzyAlias fuzzy;

    /** One trie node: children by word, and the exercise when an alias ends here. */
    static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        Exercise exercise;
        boolean generic; // alias names the exercise only implicitly ("bench", "squat", "curls")
    }

    /** A match of an alias at {@code [start, end)} of the word array. */
    record Match(Exercise exercise, int start, int end, boolean generic) {}

    private ExerciseCatalog(List<Exercise> exercises, Map<String, String> variants, String source) {
        this.exercises = List.copyOf(exercises);
        Map<String, Exercise> ids = new LinkedHashMap<>();
        Map<String, Exercise> explicit = new HashMap<>();
        for (Exercise e : exercises) {
            if (!ID.matcher(e.id()).matches()) {
                throw new ConfigurationException(source + ": exercise id '" + e.id() + "' is not kebab-case");
            }
            if (ids.put(e.id(), e) != null) {
                throw new ConfigurationException(source + ": duplicate exercise id '" + e.id() + "'");
            }
            List<String> names = new ArrayList<>(e.aliases());
            names.add(0, e.name());
            for (String a : names) {
                String norm = Lexer.normalise(a);
                if (norm.isEmpty()) {
                    throw new ConfigurationException(source + ": exercise '" + e.id() + "' has an empty alias");
                }
                Exercise prev = explicit.putIfAbsent(norm, e);
                if (prev != null && prev != e) {
                    throw new ConfigurationException(source + ": alias '" + a + "' of '" + e.id()
                            + "' is already an alias of '" + prev.id() + "'");
                }
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        Map<String, Exercise> all = new HashMap<>(explicit);
        for (Map.Entry<String, Exercise> en : explicit.entrySet()) {
            for (String plural : plurals(en.getKey())) {
                all.putIfAbsent(plural, en.getValue());
            }
        }
        for (Map.Entry<String, Exercise> en : all.entrySet()) {
            String[] words = en.getKey().split(" ");
            Node n = root;
            for (String w : words) {
                n = n.next.computeIfAbsent(w, k -> new Node());
            }
            n.exercise = en.getValue();
            n.generic = GENERIC.contains(words[0]) && words.length == 1;
            aliasIndex.put(en.getKey(), en.getValue());
        }
        this.aliasCount = all.size();
        for (Map.Entry<String, String> v : variants.entrySet()) {
            Exercise target = byId.get(v.getValue());
            if (target == null || !target.equipment().equals("dumbbell")) {
                throw new IllegalArgumentException(source + ": exercise '" + v.getKey() + "': dumbbell variant '"
                        + v.getValue() + "' is not a dumbbell exercise of this catalog");
            }
            dumbbellVariants.put(v.getKey(), target);
        }
    }

    /** One-word aliases that name an exercise by convention rather than explicitly (contract: "bench", "squat"). */
    private static final Set<String> GENERIC = Set.of(
            "bench",
            "squat",
            "curl",
            "row",
            "press",
            "shrug",
            "deadlift",
            "clean",
            "dead",
            "deads",
            "benched",
            "squatted",
            "curls",
            "rows",
            "shrugs",
            "cleans",
            "swing",
            "swings",
            "lunge",
            "lunges",
            "dip",
            "dips",
            "laterals",
            "overhead",
            "calf",
            "calves",
            "hammer",
            "hammers",
            "pulled",
            "cleaned",
            "curled",
            "rowed",
            "shrugged");

    private static List<String> plurals(String alias) {
        int sp = alias.lastIndexOf(' ');
        String head = alias.substring(0, sp + 1);
        String last = alias.substring(sp + 1);
        List<String> out = new ArrayList<>(3);
        if (last.isEmpty() || Character.isDigit(last.charAt(0)) || last.endsWith("s")) {
            return out;
        }
        out.add(head + last + "s");
        if (last.endsWith("h") || last.endsWith("x")) {
            out.add(head + last + "es");
        }
        if (last.endsWith("y")) {
            out.add(head + last.substring(0, last.length() - 1) + "ies");
        }
        return out;
    }

    /** The catalog bundled with Spotter ({@code dev/spotter/voice/exercises.yaml}); loaded once. */
    public static ExerciseCatalog bundled() {
        ExerciseCatalog c = bundled;
        if (c == null) {
            synchronized (ExerciseCatalog.class) {
                c = bundled;
                if (c == null) {
                    String res = "/dev/spotter/voice/exercises.yaml";
                    try (InputStream in = ExerciseCatalog.class.getResourceAsStream(res)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled catalog " + res + " missing from the classpath");
                        }
                        c = load(in, res);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read bundled catalog " + res, e);
                    }
                    bundled = c;
                }
            }
        }
        return c;
    }

    /** Loads a catalog from YAML ({@code exercises: [{id, name, equipment, pattern, load, aliases}]}). */
    public static ExerciseCatalog load(InputStream yaml, String sourceName) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        JsonNode list = root == null ? null : root.get("exercises");
        if (list == null || !list.isArray()) {
            throw new ConfigurationException(sourceName + ": no 'exercises' list");
        }
        List<Exercise> out = new ArrayList<>(list.size());
        Map<String, String> variants = new LinkedHashMap<>();
        int idx = 0;
        for (JsonNode e : list) {
            idx++;
            String where = sourceName + ": exercise #" + idx;
            String id = text(e, "id", where);
            where += " (" + id + ")";
            String load = text(e, "load", where);
            if (!load.equals("loaded") && !load.equals("bodyweight")) {
                throw new ConfigurationException(where + ": load must be 'loaded' or 'bodyweight', was '" + load + "'");
            }
            List<String> aliases = new ArrayList<>();
            JsonNode al = e.get("aliases");
            if (al != null) {
                if (!al.isArray()) {
                    throw new ConfigurationException(where + ": aliases must be a list");
                }
                al.forEach(a -> aliases.add(a.asText()));
            }
            if (e.hasNonNull("dumbbell")) {
                variants.put(id, e.get("dumbbell").asText());
            }
            out.add(new Exercise(
                    id,
                    text(e, "name", where),
                    text(e, "equipment", where),
                    text(e, "pattern", where),
                    load.equals("bodyweight"),
                    aliases));
        }
        return new ExerciseCatalog(out, variants, sourceName);
    }

    private static String text(JsonNode e, String field, String where) {
        JsonNode v = e.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigurationException(where + ": missing '" + field + "'");
        }
        return v.asText();
    }

    public List<Exercise> all() {
        return exercises;
    }

    public int size() {
        return exercises.size();
    }

    /** Number of indexed alias forms, including generated plurals. */
    public int aliasCount() {
        return aliasCount;
    }

    public Optional<Exercise> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Exact lookup of a whole phrase (an id, a name or an alias, in any spelling the lexer normalises). */
    public Optional<Exercise> lookup(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        Exercise e = byId.get(phrase);
        if (e != null) {
            return Optional.of(e);
        }
        return Optional.ofNullable(aliasIndex.get(Lexer.normalise(phrase)));
    }

    /** The dumbbell form of a barbell exercise ("curls 35s" → Dumbbell Curl), if the catalog names one. */
    Optional<Exercise> dumbbellVariant(Exercise e) {
        return Optional.ofNullable(dumbbellVariants.get(e.id()));
    }

    /** The longest alias match starting at {@code from}, or null. */
    Match matchAt(String[] words, int from) {
        Node n = root;
        Match best = null;
        for (int i = from; i < words.length; i++) {
            n = n.next.get(words[i]);
            if (n == null) {
                break;
            }
            if (n.exercise != null) {
                best = new Match(n.exercise, from, i + 1, n.generic);
            }
        }
        return best;
    }

    /** Every alias form, normalised (for fuzzy matching of misheard words). */
    Map<String, Exercise> aliasIndex() {
        return aliasIndex;
    }

    /**
     * This catalog's fuzzy-match index, built once on first use. Double-checked on a volatile field: the index
     * is immutable and fully built before it is published, so readers never see a partial one.
     */
    FuzzyAlias fuzzy() {
        FuzzyAlias f = fuzzy;
        if (f == null) {
            synchronized (this) {
                f = fuzzy;
                if (f == null) {
                    f = new FuzzyAlias(this);
                    fuzzy = f;
                }
            }
        }
        return f;
    }
}
