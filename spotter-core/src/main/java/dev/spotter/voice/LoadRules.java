package dev.spotter.voice;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load of a strength set: weights with their unit, per-implement weights, plate arithmetic and changes relative
 * to the previous set. Conventions (docs/areas/voice.md, "Plates" and "Relative loads"):
 *
 * <ul>
 *   <li><b>Plates</b> are counted per side and loaded on both: weight = bar + 2 × (plates on one side). In lb the bar
 *       and a plate are 45 ("a plate" 135, "two plates" 225, "wheels" are 45s); in kg (said, or the default unit)
 *       20 and 20 ("two plates" 100 kg). Small plates on top are per side too: "a plate and a quarter" = 45 + 2 ×
 *       (45 + 25) = 185, "two plates and a ten" 245, "a plate and two tens" 175, "a dime" 10, "a nickel" 5. A plate
 *       of another weight can be named: "two 20 kilo plates a side" = 20 + 2 × 40 = 100 kg. Plates said without the
 *       word plate need a side phrase: "a 45 on each side" 135, "45s and 25s on each side" 185.
 *   <li><b>Per implement</b>: "80s", "the 35s", "40 pound dumbbells" are one implement's weight.
 *   <li><b>Relative</b> (needs the previous set): "added ten pounds" / "add ninety" / "up five" / "ten more pounds" /
 *       "went up 5 kilos" add; "drop twenty" / "minus ten kilos" / "five kilos less" / "twenty pounds lighter" /
 *       "knock off 10 pounds" subtract; "threw a ten on each side" adds 2 × 10. "Up to 335", "down to 275",
 *       "dropped to 185", "went to the 75s" are a new absolute weight. The change is applied in
 *       {@link ContextRules}.
 * </ul>
 */
final class LoadRules extends ItemRules {
    static final Set<String> PLATE_WORDS = Set.of("plate", "plates", "wheel", "wheels");
    static final Set<String> WEIGHT_PREPS = Set.of("with", "plus", "add", "added", "using", "adding", "holding");
    private static final Set<String> UP_BEFORE = Set.of(
            "added",
            "add",
            "adding",
            "up",
            "bumped",
            "jumped",
            "threw",
            "throw",
            "put",
            "slapped",
            "another",
            "increased",
            "increase",
            "upped",
            "raised");
    private static final Set<String> DOWN_BEFORE = Set.of(
            "drop",
            "dropped",
            "dropping",
            "minus",
            "down",
            "off",
            "stripped",
            "strip",
            "shed",
            "lost",
            "decreased",
            "decrease",
            "reduced",
            "lowered");
    private static final Set<String> MORE_AFTER = Set.of("more", "heavier", "extra");
    private static final Set<String> LESS_AFTER = Set.of("less", "lighter", "off");
    private static final Set<String> MOTION_TO = Set.of(
            "up",
            "down",
            "back",
            "dropped",
            "went",
            "go",
            "going",
            "moved",
            "jumped",
            "bumped",
            "worked",
            "came",
            "switched",
            "drop",
            "stepped",
            "grabbed");
    private static final Map<String, Double> NAMED_PLATES =
            Map.of("quarter", 25.0, "quarters", 25.0, "dime", 10.0, "dimes", 10.0, "nickel", 5.0, "nickels", 5.0);

    private final StrengthDraft d;
    /** The exercise is done with a bar (plates said without the word plate can load it). */
    private final boolean barbell;

    LoadRules(List<Item> items, List<String> trace, StrengthDraft d, boolean barbell) {
        super(items, trace);
        this.d = d;
        this.barbell = barbell;
    }

    private WeightUnit unitAt(int k) {
        return w(k, "kg") ? WeightUnit.KG : w(k, "lb") ? WeightUnit.LB : null;
    }

    /** Places the number at {@code i} if it is a load, a plate count or a change of load; true if placed. */
    boolean number(int i, Item n) {
        double v = n.num;
        // "ten pounds lighter", "5 kilos less", "ten more pounds", "20 heavier"
        int k = i + 1;
        WeightUnit u = unitAt(k);
        if (u != null) {
            k++;
        }
        if (w(k, MORE_AFTER) || w(k, LESS_AFTER)) {
            boolean more = w(k, MORE_AFTER);
            int end = k + 1;
            if (u == null && unitAt(end) != null) {
                u = unitAt(end);
                end++;
            }
            if (!more || u != null || at(k).is("heavier")) {
                change(more ? v : -v, u, i, end);
                return true;
            }
        }
        // "added ten pounds", "drop twenty", "minus ten kilos", "knock off 10", "went up 5 kilos", "up five",
        // "increased by 10", "add another 10"
        int b = w(i - 1, "by") && (w(i - 2, UP_BEFORE) || w(i - 2, DOWN_BEFORE))
                        || w(i - 1, "another") && w(i - 2, UP_BEFORE)
                ? i - 2
                : i - 1;
        boolean up = w(b, UP_BEFORE)
                && !w(i + 1, "on")
                && !(at(b).is("another") && u == null)
                && !(at(b).is("up") && w(b - 1, "warm"));
        boolean down = w(b, DOWN_BEFORE);
        if ((up || down) && !w(i + 1, PLATE_WORDS) && !w(i + 1, "s") && !(u == null && w(i + 1, "x"))) {
            int from = b;
            if (w(from - 1, "went")
                    || w(from - 1, "knock")
                    || w(from - 1, "knocked")
                    || w(from - 1, "took")
                    || w(from - 1, "take")
                    || w(from - 1, "pulled")
                    || w(from - 1, "came")) {
                from--;
            }
            int end = u != null ? i + 2 : i + 1;
            if (at(b).is("added") || at(b).is("add") || at(b).is("adding")) {
                d.plusAmbiguous = true; // also "added load" on a bodyweight move: decided in ContextRules
            }
            change(up ? v : -v, u, from, end);
            return true;
        }
        // "up to 365", "back down to 275", "dropped to 185", "went to the 75s"
        int t = w(i - 1, "the") ? i - 2 : i - 1;
        if (w(t, "to") && w(t - 1, MOTION_TO)) {
            int from = t - 1;
            while (w(from - 1, MOTION_TO)) {
                from--;
            }
            return weightAt(i, n, from);
        }
        // "a 45 on each side", "45s and 25s on each side", "threw a ten on each side"
        int loaded = loadingAt(i);
        if (loaded > 0) {
            return true;
        }
        // "two 20 kilo plates a side": a count, a plate weight, the word plate
        if (n.isInt() && v >= 1 && v <= 8 && num(i + 1) && unitAt(i + 2) != null && w(i + 3, PLATE_WORDS)) {
            d.plates = (int) v;
            d.plateWeight = at(i + 1).num;
            d.unit = unitAt(i + 2);
            int end = consumeSide(plateExtra(i + 4));
            use(i, end);
            if (trace != null)
                note(i, end, d.plates + " × " + fmt(d.plateWeight) + " " + d.unit.wire() + " plates a side");
            return true;
        }
        if (u != null) {
            return weightAt(i, n, w(i - 1, WEIGHT_PREPS) || w(i - 1, "at") ? i - 1 : i);
        }
        if (w(i + 1, "s")) {
            // "db rows 80s", "with the fifties", "the 35s"
            int from = w(i - 1, "the") ? i - 1 : i;
            if (w(from - 1, WEIGHT_PREPS)) {
                from--;
            }
            d.perImplement = true;
            d.weight(v);
            use(from, i + 2);
            if (trace != null) note(from, i + 2, "weight " + fmt(v) + " (per implement)");
            return true;
        }
        if (w(i + 1, PLATE_WORDS) && n.isInt() && v >= 1 && v <= 8) {
            d.plates = (int) v;
            int end = consumeSide(plateExtra(i + 2));
            use(i, end);
            if (trace != null) note(i, end, d.plates + " plate" + (d.plates == 1 ? "" : "s") + " a side");
            return true;
        }
        // "with a 45", "holding a 45", "with the 70", "plus 45"
        int p = w(i - 1, "a") || w(i - 1, "the") ? i - 2 : i - 1;
        if (w(p, WEIGHT_PREPS)) {
            d.addedLoad |= at(p).is("plus");
            d.weight(v);
            use(p, i + 1);
            if (trace != null) note(p, i + 1, "weight " + fmt(v));
            return true;
        }
        return false;
    }

    /** A weight said with its unit or after "to": "225 pounds", "at 100 kg", "40 pound dumbbells". */
    private boolean weightAt(int i, Item n, int from) {
        WeightUnit u = unitAt(i + 1);
        int end = i + 1;
        if (w(end, "s")) {
            d.perImplement = true;
            end++;
        }
        if (u != null) {
            d.unit = u;
            end++;
        }
        if (w(end, "dumbbell") || w(end, "dumbbells") || w(end, "kettlebell") || w(end, "s")) {
            d.perImplement = true;
            end++;
        }
        d.addedLoad |= w(from, "plus");
        d.weight(n.num);
        use(from, end);
        if (trace != null) note(from, end, "weight " + fmt(n.num) + (u == null ? "" : " " + u.wire()));
        return true;
    }

    private void change(double by, WeightUnit u, int from, int to) {
        d.delta = (d.delta == null ? 0 : d.delta) + by;
        if (u != null) {
            d.deltaUnit = u;
        }
        use(from, to);
        if (trace != null)
            note(
                    from,
                    to,
                    (by >= 0 ? "+" : "−") + fmt(Math.abs(by)) + (u == null ? "" : " " + u.wire())
                            + " on the previous set's weight");
    }

    /** Reads a plate word in word position ("a plate and a quarter", "plate and a 25"); true if consumed. */
    boolean word(int i, Item x) {
        String s = x.word;
        if ((s.equals("a") || s.equals("one")) && w(i + 1, PLATE_WORDS) && d.plates == null) {
            d.plates = 1;
            int end = consumeSide(plateExtra(i + 2));
            use(i, end);
            if (trace != null) note(i, end, "1 plate a side");
            return true;
        }
        if (PLATE_WORDS.contains(s)
                && (s.equals("plate") || s.equals("wheel"))
                && d.plates == null
                && !(at(i - 1) != null && at(i - 1).isNum())) {
            d.plates = 1; // "bench plate and a 25"
            int end = consumeSide(plateExtra(i + 1));
            use(i, end);
            if (trace != null) note(i, end, "1 plate a side");
            return true;
        }
        if (s.equals("bar") && (w(i - 1, "empty") || w(i - 1, "the")) && barbell && d.weight == null) {
            // "just the bar for 10", "empty bar": the bar alone (45 lb or 20 kg, by the unit)
            d.barOnly = true;
            int from = w(i - 1, "empty") && w(i - 2, "the") ? i - 2 : i - 1;
            if (w(from - 1, "just") || w(from - 1, "only")) {
                from--;
            }
            use(from, i + 1);
            if (trace != null) note(from, i + 1, "the bar alone");
            return true;
        }
        if ((s.equals("dumbbell") || s.equals("dumbbells")) && !d.perImplement) {
            d.perImplement = true; // "rows with dumbbells": a hint for the implement
            use(i, i + 1);
            return true;
        }
        if (s.equals("in") && w(i + 1, "each") && (w(i + 2, "hand") || w(i + 2, "arm"))) {
            use(i, i + 3); // "20s in each hand": how they were held, not per-side reps
            return true;
        }
        return false;
    }

    /** "a plate and 10s", "two plates and a quarter", "two plates plus a ten": small plates per side. */
    private int plateExtra(int end) {
        while (w(end, "and") || w(end, "plus")) {
            int k = end + 1;
            double count = 1;
            if (w(k, "a")) {
                k++;
            } else if (num(k) && num(k + 1) && at(k).isInt() && at(k).num <= 4 && at(k + 1).num <= 45) {
                count = at(k).num; // "two tens"
                k++;
            }
            double plate;
            if (num(k) && at(k).num > 0 && at(k).num <= 45) {
                plate = at(k).num;
                k++;
                if (w(k, "s")) {
                    k++;
                }
                if (unitAt(k) != null) {
                    d.unit = unitAt(k); // "two plates and a 10 kg each side"
                    k++;
                }
            } else if (at(k) != null && !at(k).used && at(k).word != null && NAMED_PLATES.containsKey(at(k).word)) {
                plate = NAMED_PLATES.get(at(k).word);
                k++;
            } else {
                return end;
            }
            d.extraPerSide += count * plate;
            end = k;
        }
        return end;
    }

    private int consumeSide(int end) {
        if (w(end, "on") && (w(end + 1, "each") || w(end + 1, "either") || w(end + 1, "both"))) {
            end++;
        }
        if ((w(end, "a") || w(end, "per") || w(end, "each") || w(end, "either") || w(end, "both"))
                && (w(end + 1, "side") || w(end + 1, "sides"))) {
            return end + 2;
        }
        if (w(end, "aside")) {
            return end + 1;
        }
        return end;
    }

    /**
     * Plates said by weight without the word plate, ending in a side phrase: "a 45 on each side", "45s and 25s on
     * each side", "two 25s a side". Without "on", only on a barbell exercise and only with "a" or a plural
     * ("12 a side" on lunges is reps per leg). Returns the end of the phrase, or -1.
     */
    private int loadingAt(int i) {
        boolean article = w(i - 1, "a");
        double sum = 0;
        int k = i;
        boolean plural = false;
        while (true) {
            double count = 1;
            if (num(k) && num(k + 1) && at(k).isInt() && at(k).num <= 4 && isPlate(at(k + 1).num)) {
                count = at(k).num;
                k++;
            }
            if (!num(k) || !isPlate(at(k).num)) {
                return -1;
            }
            sum += count * at(k).num;
            k++;
            if (w(k, "s")) {
                plural = true;
                k++;
            }
            if (w(k, "and") && (num(k + 1) || w(k + 1, "a") && num(k + 2))) {
                k += w(k + 1, "a") ? 2 : 1;
                continue;
            }
            break;
        }
        boolean on = w(k, "on");
        int end = consumeSide(k);
        if (end == k || !(on || barbell && (article || plural))) {
            return -1;
        }
        int from = article ? i - 1 : i;
        boolean relative = w(from - 1, UP_BEFORE) || w(from - 1, "another");
        if (w(from - 1, WEIGHT_PREPS) && !relative) {
            from--;
        }
        if (relative) {
            from--;
            change(2 * sum, null, from, end);
        } else {
            d.loadPerSide = sum;
            use(from, end);
            if (trace != null) note(from, end, fmt(sum) + " a side");
        }
        return end;
    }

    /** A standard plate in lb (45, 35, 25, 10, 5, 2.5) or kg (25, 20, 15, 10, 5, 2.5, 1.25); no boxing. */
    private static boolean isPlate(double v) {
        double q = v * 4;
        if (q != Math.rint(q)) {
            return false;
        }
        return switch ((int) q) {
            case 180, 140, 100, 80, 60, 40, 20, 10, 5 -> true;
            default -> false;
        };
    }
}
