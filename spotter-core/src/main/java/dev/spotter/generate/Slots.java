package dev.spotter.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic, balanced attribute assignment. For each attribute dimension with k values, the category's T slots
 * get value i mod k (so every value is used ⌊T/k⌋ or ⌈T/k⌉ times), then the column is shuffled with a seed derived
 * from the plan seed, category and dimension. Dimensions are shuffled independently, so combinations vary.
 * Weighted, conditional attributes and exclusions: {@link AttributeRules}.
 * Sources are allocated their {@code min} first, then the remainder round-robin up to each {@code max}; a slot with a
 * source also gets {@code source_sha256}, the SHA-256 of the source text it is generated from, so that an example
 * whose source has changed since can be found (and regenerated) later.
 * {@link java.util.Random}'s algorithm is specified by the JDK, so slots are identical across machines and runs.
 */
final class Slots {
    private Slots() {}

    /** All slots of a category (its full target). */
    public static List<Slot> of(Plan plan, Plan.Category c) {
        int t = c.target();
        List<Map<String, String>> rows = new ArrayList<>(t);
        for (int i = 0; i < t; i++) {
            rows.add(new HashMap<>());
        }
        AttributeRules.assign(
                rows,
                c.definitions(),
                c.exclusions(),
                dim -> seed(plan, c, dim),
                "plan " + plan.name() + " category '" + c.id() + "'");
        List<String> turns = new ArrayList<>();
        for (int n = c.minTurns(); n <= c.maxTurns(); n++) {
            turns.add(Integer.toString(n));
        }
        column(rows, "turns", turns, seed(plan, c, "turns"));
        if (!c.sources().isEmpty()) {
            List<String> alloc = new ArrayList<>(t);
            int[] count = new int[c.sources().size()];
            for (int s = 0; s < count.length; s++) {
                count[s] = c.sources().get(s).min();
            }
            int assigned = java.util.Arrays.stream(count).sum();
            while (assigned < t) {
                for (int s = 0; s < count.length && assigned < t; s++) {
                    if (count[s] < c.sources().get(s).max()) {
                        count[s]++;
                        assigned++;
                    }
                }
            }
            for (int s = 0; s < count.length; s++) {
                for (int k = 0; k < count[s]; k++) {
                    alloc.add(c.sources().get(s).id());
                }
            }
            Collections.shuffle(alloc, new Random(seed(plan, c, "source_id")));
            Map<String, String> hashes = new HashMap<>();
            for (Plan.SourceItem s : c.sources()) {
                hashes.put(s.id(), dev.spotter.kernel.Hashing.sha256Hex(s.text()));
            }
            for (int i = 0; i < t; i++) {
                rows.get(i).put("source_id", alloc.get(i));
                rows.get(i).put("source_sha256", hashes.get(alloc.get(i)));
            }
        }
        List<Slot> out = new ArrayList<>(t);
        for (int i = 0; i < t; i++) {
            out.add(new Slot(c.id(), i, rows.get(i)));
        }
        return out;
    }

    private static void column(List<Map<String, String>> rows, String key, List<String> values, long seed) {
        List<String> col = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            col.add(values.get(i % values.size()));
        }
        Collections.shuffle(col, new Random(seed));
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put(key, col.get(i));
        }
    }

    private static long seed(Plan plan, Plan.Category c, String dim) {
        long h = plan.seed();
        for (char ch : (c.id() + "/" + dim).toCharArray()) {
            h = h * 1_000_003L + ch;
        }
        return h;
    }
}
