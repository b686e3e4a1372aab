package dev.spotter.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Attribute constraints of the plan format: weighted values, conditional attributes and exclusions, and the
 * deterministic assignment that honours them.
 *
 * <p>Plan syntax (in a plan's or a category's {@code attributes}, and {@code exclude} lists):
 * <pre>
 * attributes:
 *   sex: [female, male]                                   # plain: balanced (⌊T/k⌋ or ⌈T/k⌉ each)
 *   red_flag: [{value: cauda_equina, weight: 3}, dvt]     # weighted: counts ∝ weight (Σweight = T gives exact counts)
 *   age_group:                                            # conditional: cases in order, first match wins
 *     - {when: {context: [teenage athlete]}, values: ["13-17"]}
 *     - {values: ["18-29", "30-44", "45-59", "60+"]}      # no when: everyone else
 *   units:
 *     - {within: [calc_type], values: [miles, kilometres]}  # balanced separately within each calc_type
 * exclude:                                                # forbidden combinations
 *   - {context: [pregnant (second trimester)], sex: [male]}
 * </pre>
 * A slot no case captures gets the value {@code none}.
 *
 * <p>Algorithm: plain and weighted attributes get a balanced column each (value i repeated by its count, then a
 * seeded shuffle; plain lists use exactly the original i mod k column, so existing plans keep their slots), then
 * conditional attributes in declaration order, each case balancing its values over the slots it captures (per
 * {@code within} group). Exclusions are then repaired by swapping one attribute's values between two slots, which
 * keeps every count: a violating slot tries the exclusion's attributes from last to first, and for each the
 * other slots in its swap class (all slots for an attribute no condition reads; the same case and group for a
 * conditional one; attributes that a {@code when} or {@code within} reads are never swapped) until both slots
 * satisfy every exclusion. A category whose exclusions cannot be met this way fails when the plan loads,
 * naming the exclusion. Deterministic: same plan, same seed, same slots. Cost O(T² · exclusions) in the worst
 * case, for T ≤ a few thousand slots per category.
 */
final class AttributeRules {
    /** One attribute: plain/weighted (a single case without {@code when}) or conditional (several cases). */
    public record Definition(String name, List<Case> cases) {
        public Definition {
            cases = List.copyOf(cases);
        }

        boolean conditional() {
            return cases.size() > 1
                    || !cases.getFirst().when().isEmpty()
                    || !cases.getFirst().within().isEmpty();
        }

        boolean plain() {
            return !conditional() && cases.getFirst().weights().stream().allMatch(w -> w == 1);
        }

        /** Every value the attribute can take (plus {@code none} when some slot may match no case). */
        public List<String> values() {
            Set<String> all = new LinkedHashSet<>();
            cases.forEach(c -> all.addAll(c.values()));
            if (cases.stream().allMatch(c -> !c.when().isEmpty())) {
                all.add("none");
            }
            return List.copyOf(all);
        }
    }

    /** A case: the slots whose attributes match {@code when} get {@code values} (by weight), per {@code within} group. */
    public record Case(Map<String, Set<String>> when, List<String> within, List<String> values, List<Integer> weights) {
        public Case {
            when = Collections.unmodifiableMap(new LinkedHashMap<>(when));
            within = List.copyOf(within);
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }

        boolean matches(Map<String, String> row) {
            for (Map.Entry<String, Set<String>> e : when.entrySet()) {
                if (!e.getValue().contains(row.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A forbidden combination: a slot whose value of every listed attribute is in its set. */
    public record Exclusion(Map<String, Set<String>> values) {
        public Exclusion {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        boolean violatedBy(Map<String, String> row) {
            for (Map.Entry<String, Set<String>> e : values.entrySet()) {
                if (!e.getValue().contains(row.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    private AttributeRules() {}

    // ------------------------------------------------------------------ parsing

    static Map<String, Definition> parse(JsonNode node, String where) {
        Map<String, Definition> m = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return m;
        }
        if (!node.isObject()) {
            throw new ConfigurationException(where + ": must be a mapping of name -> list of values");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new ConfigurationException(where + ": attribute name '" + name + "' must be lower_snake_case");
            }
            JsonNode v = e.getValue();
            if (!v.isArray() || v.isEmpty()) {
                throw new ConfigurationException(where + ": attribute '" + name + "' needs a non-empty list of values");
            }
            boolean cases = v.get(0).isObject() && v.get(0).has("values");
            List<Case> list = new ArrayList<>();
            if (cases) {
                for (JsonNode c : v) {
                    String cw = where + ": attribute '" + name + "' case " + (list.size() + 1);
                    if (!c.isObject() || !c.has("values")) {
                        throw new ConfigurationException(cw + ": every case needs 'values' (and optional when/within)");
                    }
                    List<String> within = new ArrayList<>();
                    c.path("within").forEach(x -> within.add(x.asText()));
                    Case parsed = valueList(c.path("values"), cw, matchMap(c.path("when"), cw + " when"), within);
                    list.add(parsed);
                }
            } else {
                list.add(valueList(v, where + ": attribute '" + name + "'", Map.of(), List.of()));
            }
            m.put(name, new Definition(name, list));
        }
        return m;
    }

    static List<Exclusion> exclusions(JsonNode node, String where) {
        List<Exclusion> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new ConfigurationException(where + ": 'exclude' must be a list of {attribute: [values]} mappings");
        }
        for (JsonNode e : node) {
            Map<String, Set<String>> m = matchMap(e, where + " exclude");
            if (m.size() < 2) {
                throw new ConfigurationException(where + ": an exclusion combines at least two attributes: " + e);
            }
            out.add(new Exclusion(m));
        }
        return out;
    }

    private static Case valueList(JsonNode values, String where, Map<String, Set<String>> when, List<String> within) {
        if (!values.isArray() || values.isEmpty()) {
            throw new ConfigurationException(where + ": 'values' must be a non-empty list");
        }
        List<String> vals = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (JsonNode x : values) {
            if (x.isObject()) {
                JsonNode w = x.path("weight");
                if (!x.has("value") || (x.has("weight") && (!w.isInt() || w.asInt() < 1))) {
                    throw new ConfigurationException(
                            where + ": a weighted value is {value: V, weight: N >= 1}, was " + x);
                }
                vals.add(x.path("value").asText());
                weights.add(x.has("weight") ? w.asInt() : 1);
            } else {
                vals.add(x.asText());
                weights.add(1);
            }
        }
        if (new LinkedHashSet<>(vals).size() != vals.size()) {
            throw new ConfigurationException(where + ": values repeat: " + vals);
        }
        return new Case(when, within, vals, weights);
    }

    private static Map<String, Set<String>> matchMap(JsonNode n, String where) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        if (n.isMissingNode() || n.isNull()) {
            return m;
        }
        if (!n.isObject()) {
            throw new ConfigurationException(where + ": must be a mapping {attribute: [values]}");
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            Set<String> vals = new LinkedHashSet<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(x -> vals.add(x.asText()));
            } else {
                vals.add(e.getValue().asText());
            }
            m.put(e.getKey(), Collections.unmodifiableSet(vals));
        }
        return m;
    }

    /**
     * Checks that conditions and exclusions name attributes (and values) the category has, and that a condition
     * only reads attributes defined before it. {@code exclusions} are the applicable ones (see {@link #applicable}).
     */
    static void validate(Map<String, Definition> defs, List<Exclusion> exclusions, String where) {
        List<String> order = new ArrayList<>(defs.keySet());
        for (Definition d : defs.values()) {
            for (Case c : d.cases()) {
                List<String> reads = new ArrayList<>(c.when().keySet());
                reads.addAll(c.within());
                for (String r : reads) {
                    Definition other = defs.get(r);
                    if (other == null || r.equals(d.name())) {
                        throw new ConfigurationException(where + ": attribute '" + d.name() + "' depends on '" + r
                                + "', which the category does not have");
                    }
                    if (other.conditional() && order.indexOf(r) > order.indexOf(d.name())) {
                        throw new ConfigurationException(
                                where + ": attribute '" + d.name() + "' depends on '" + r + "', defined after it");
                    }
                }
                c.when()
                        .forEach(
                                (dim, vals) -> unknownValues(defs.get(dim), vals, where + ": '" + d.name() + "' when"));
            }
        }
        for (Exclusion e : exclusions) {
            e.values().forEach((dim, vals) -> unknownValues(defs.get(dim), vals, where + ": exclusion " + e));
        }
    }

    /** The exclusions whose attributes all exist in the category (plan-level ones may name others). */
    static List<Exclusion> applicable(List<Exclusion> all, Set<String> attributes) {
        return all.stream()
                .filter(e -> attributes.containsAll(e.values().keySet()))
                .toList();
    }

    private static void unknownValues(Definition d, Set<String> vals, String where) {
        Set<String> unknown = new LinkedHashSet<>(vals);
        d.values().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(
                    where + " names values " + unknown + " that '" + d.name() + "' does not have");
        }
    }

    // ------------------------------------------------------------------ assignment

    /**
     * Fills {@code rows} (one map per slot) with every attribute, then repairs exclusions.
     *
     * @param seed seed per attribute (and case) name
     */
    static void assign(
            List<Map<String, String>> rows,
            Map<String, Definition> defs,
            List<Exclusion> exclusions,
            ToLongFunction<String> seed,
            String where) {
        for (Definition d : defs.values()) {
            if (!d.conditional()) {
                Case c = d.cases().getFirst();
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    all.add(i);
                }
                fill(rows, all, d.name(), c, d.plain(), seed.applyAsLong(d.name()));
            }
        }
        Map<String, List<List<Integer>>> swapClasses = new HashMap<>();
        for (Definition d : defs.values()) {
            if (!d.conditional()) {
                continue;
            }
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                left.add(i);
            }
            List<List<Integer>> classes = new ArrayList<>();
            for (int ci = 0; ci < d.cases().size(); ci++) {
                Case c = d.cases().get(ci);
                List<Integer> captured =
                        left.stream().filter(i -> c.matches(rows.get(i))).toList();
                left.removeAll(captured);
                Map<String, List<Integer>> groups = new LinkedHashMap<>();
                for (int i : captured) {
                    StringBuilder key = new StringBuilder();
                    c.within().forEach(w -> key.append(rows.get(i).get(w)).append('\u0000'));
                    groups.computeIfAbsent(key.toString(), k -> new ArrayList<>())
                            .add(i);
                }
                for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                    fill(
                            rows,
                            g.getValue(),
                            d.name(),
                            c,
                            false,
                            seed.applyAsLong(d.name() + "#" + ci + "/" + g.getKey()));
                    classes.add(g.getValue());
                }
            }
            for (int i : left) {
                rows.get(i).put(d.name(), "none");
            }
            swapClasses.put(d.name(), classes);
        }
        repair(rows, defs, exclusions, swapClasses, where);
    }

    private static void fill(
            List<Map<String, String>> rows, List<Integer> slots, String name, Case c, boolean plain, long seed) {
        List<String> col = new ArrayList<>(slots.size());
        if (plain) {
            for (int i = 0; i < slots.size(); i++) {
                col.add(c.values().get(i % c.values().size())); // the original balanced column
            }
        } else {
            int[] counts = counts(slots.size(), c.weights());
            for (int v = 0; v < counts.length; v++) {
                for (int k = 0; k < counts[v]; k++) {
                    col.add(c.values().get(v));
                }
            }
        }
        Collections.shuffle(col, new Random(seed));
        for (int i = 0; i < slots.size(); i++) {
            rows.get(slots.get(i)).put(name, col.get(i));
        }
    }

    /** Largest-remainder apportionment of {@code total} by weight (ties to the earlier value). */
    static int[] counts(int total, List<Integer> weights) {
        long sum = weights.stream().mapToLong(Integer::longValue).sum();
        int[] out = new int[weights.size()];
        double[] rest = new double[weights.size()];
        int given = 0;
        for (int i = 0; i < out.length; i++) {
            double exact = (double) total * weights.get(i) / sum;
            out[i] = (int) Math.floor(exact);
            rest[i] = exact - out[i];
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < out.length; i++) {
                if (rest[i] > rest[best] + 1e-12) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
            given++;
        }
        return out;
    }

    private static void repair(
            List<Map<String, String>> rows,
            Map<String, Definition> defs,
            List<Exclusion> exclusions,
            Map<String, List<List<Integer>>> swapClasses,
            String where) {
        if (exclusions.isEmpty()) {
            return;
        }
        Set<String> anchored = new LinkedHashSet<>();
        defs.values()
                .forEach(d -> d.cases().forEach(c -> {
                    anchored.addAll(c.when().keySet());
                    anchored.addAll(c.within());
                }));
        for (int i = 0; i < rows.size(); i++) {
            Exclusion broken = violated(rows.get(i), exclusions);
            while (broken != null) {
                if (!fixBySwap(rows, i, broken, defs, exclusions, swapClasses, anchored)) {
                    throw new ConfigurationException(where + ": the exclusion " + broken
                            + " cannot be met by swapping attribute values between slots (slot " + i + " has "
                            + rows.get(i) + "); loosen the exclusion or change the weights");
                }
                broken = violated(rows.get(i), exclusions);
            }
        }
    }

    private static boolean fixBySwap(
            List<Map<String, String>> rows,
            int i,
            Exclusion broken,
            Map<String, Definition> defs,
            List<Exclusion> exclusions,
            Map<String, List<List<Integer>>> swapClasses,
            Set<String> anchored) {
        List<String> dims = new ArrayList<>(broken.values().keySet());
        Collections.reverse(dims);
        for (String d : dims) {
            if (anchored.contains(d)) {
                continue;
            }
            List<Integer> candidates = swapClass(rows.size(), i, swapClasses.get(d));
            for (int j : candidates) {
                if (j == i || rows.get(j).get(d).equals(rows.get(i).get(d))) {
                    continue;
                }
                int beforeI = violations(rows.get(i), exclusions);
                int beforeJ = violations(rows.get(j), exclusions);
                swap(rows, i, j, d);
                // progress: this exclusion fixed, nothing new broken at i, j no worse (several exclusions can apply)
                if (!broken.violatedBy(rows.get(i))
                        && violations(rows.get(i), exclusions) < beforeI
                        && violations(rows.get(j), exclusions) <= (j < i ? 0 : beforeJ)) {
                    return true;
                }
                swap(rows, i, j, d);
            }
        }
        return false;
    }

    private static List<Integer> swapClass(int n, int i, List<List<Integer>> classes) {
        if (classes == null) {
            List<Integer> all = new ArrayList<>(n);
            for (int k = 1; k < n; k++) {
                all.add((i + k) % n); // the nearest slots after i first: deterministic
            }
            return all;
        }
        for (List<Integer> c : classes) {
            if (c.contains(i)) {
                return c;
            }
        }
        return List.of(); // a slot no case captured ("none") has nothing to swap with
    }

    private static void swap(List<Map<String, String>> rows, int i, int j, String d) {
        String a = rows.get(i).get(d);
        rows.get(i).put(d, rows.get(j).get(d));
        rows.get(j).put(d, a);
    }

    private static int violations(Map<String, String> row, List<Exclusion> exclusions) {
        int n = 0;
        for (Exclusion e : exclusions) {
            if (e.violatedBy(row)) {
                n++;
            }
        }
        return n;
    }

    private static Exclusion violated(Map<String, String> row, List<Exclusion> exclusions) {
        for (Exclusion e : exclusions) {
            if (e.violatedBy(row)) {
                return e;
            }
        }
        return null;
    }
}
