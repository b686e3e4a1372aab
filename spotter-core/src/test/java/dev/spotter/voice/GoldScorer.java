package dev.spotter.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores the parser on a gold file, per item: "fully right" means every field of the gold object (except
 * {@code confidence}) equals the parser's, and the confidence it gave. Two layouts are read: the independent sets
 * ({@code id, class, text, context, unit_default, gold}: gold-asr-dev, and the lead's holdout of the same kind) and
 * the parser's own sets ({@code text, context, expected, source}: gold-dev, gold-holdout).
 *
 * <p>The exercise is compared as the audit compares it ({@link VoiceLabel}): the gold's id, else its name, else its id
 * read as words, resolved through the catalog; so a gold that writes "Farmer Carry" / {@code farmer-carry} for the
 * catalog's {@code farmers-carry} agrees. A gold exercise that does not resolve is compared as a string. A gold field
 * the parser does not write (e.g. {@code per_side} before it existed) is wrong.
 *
 * <p>Confidence figures ({@link Calibration}) are over parses, i.e. results that are not {@code unparsed}: an
 * {@code unparsed} result makes no claim (its confidence is always 0). A gold that is a parse but got
 * {@code unparsed} is a wrong result at confidence 0, so it counts among the wrong ones below any threshold.
 */
final class GoldScorer {
    private static final ObjectMapper M = new ObjectMapper();

    private final VoiceParser lb;
    private final VoiceParser kg;

    GoldScorer() {
        this.lb = VoiceParser.builder().trace(false).build();
        this.kg = VoiceParser.builder()
                .defaultWeightUnit(WeightUnit.KG)
                .trace(false)
                .build();
    }

    record Case(String id, String cls, String text, JsonNode context, WeightUnit unitDefault, JsonNode gold) {}

    record Outcome(Case item, VoiceResult result, List<String> wrong) {
        boolean right() {
            return wrong.isEmpty();
        }

        boolean parse() {
            return !(result instanceof Unparsed);
        }

        double confidence() {
            return result.confidence();
        }
    }

    static List<Case> load(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(GoldScorer.class.getResourceAsStream(resource), resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode g = M.readTree(line);
                JsonNode gold = g.has("gold") ? g.get("gold") : g.get("expected");
                String id = g.hasNonNull("id") ? g.get("id").asText() : resource + ":" + n;
                String cls = g.hasNonNull("class")
                        ? g.get("class").asText()
                        : gold.get("type").asText();
                WeightUnit unit = g.hasNonNull("unit_default")
                        ? WeightUnit.fromWire(g.get("unit_default").asText()).orElseThrow()
                        : WeightUnit.LB;
                JsonNode ctx = g.hasNonNull("context") ? g.get("context") : null;
                out.add(new Case(id, cls, g.get("text").asText(), ctx, unit, gold));
            }
        }
        return out;
    }

    Outcome score(Case c) {
        VoiceParser p = c.unitDefault() == WeightUnit.KG ? kg : lb;
        VoiceContext ctx = VoiceContext.NONE;
        if (c.context() != null) {
            ctx = VoiceContext.of(VoiceLabel.from(c.context(), p.catalog())
                    .toContext(c.unitDefault())
                    .orElseThrow(() -> new IllegalArgumentException(c.id() + ": context is not a strength set")));
        }
        VoiceResult res = p.parse(c.text(), ctx);
        return new Outcome(c, res, compare(c.gold(), res, p.catalog()));
    }

    List<Outcome> scoreAll(List<Case> cases) {
        List<Outcome> out = new ArrayList<>(cases.size());
        for (Case c : cases) {
            out.add(score(c));
        }
        return out;
    }

    /** The gold fields the result gets wrong, as "field: expected X, got Y". */
    static List<String> compare(JsonNode gold, VoiceResult res, ExerciseCatalog catalog) {
        List<String> wrong = new ArrayList<>();
        JsonNode got;
        try {
            got = M.readTree(res.toJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Optional<Exercise> goldExercise = Optional.empty();
        if (gold.has("exercise_id") || gold.has("exercise_name")) {
            goldExercise = VoiceLabel.from(gold, catalog).exercise();
        }
        for (Iterator<String> it = gold.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equals("confidence") || f.equals("reason")) {
                continue;
            }
            JsonNode a = gold.get(f);
            JsonNode b = got.get(f);
            boolean ok;
            if ((f.equals("exercise_id") || f.equals("exercise_name")) && goldExercise.isPresent()) {
                JsonNode id = got.get("exercise_id");
                ok = id != null && id.asText().equals(goldExercise.get().id());
            } else {
                ok = b != null && same(a, b);
            }
            if (!ok) {
                wrong.add(f + ": expected " + a + ", got " + b);
            }
        }
        return wrong;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!b.has(f) || !same(a.get(f), b.get(f))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Fully-right count and total per class, in first-seen order. */
    static Map<String, int[]> perClass(List<Outcome> outcomes) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            int[] c = m.computeIfAbsent(o.item().cls(), k -> new int[2]);
            c[1]++;
            if (o.right()) {
                c[0]++;
            }
        }
        return m;
    }

    static String perClassTable(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder("| class | fully right |\n|---|---|\n");
        int ok = 0;
        for (Map.Entry<String, int[]> e : perClass(outcomes).entrySet()) {
            int[] c = e.getValue();
            ok += c[0];
            sb.append(String.format("| %s | %.1f %% (%d/%d) |%n", e.getKey(), 100.0 * c[0] / c[1], c[0], c[1]));
        }
        sb.append(String.format(
                "| **all** | **%.1f %% (%d/%d)** |%n", 100.0 * ok / outcomes.size(), ok, outcomes.size()));
        return sb.toString();
    }

    /** Confidence against "fully right". */
    record Calibration(
            int parses,
            int wrongTotal,
            double auroc,
            int atOrAbove90,
            int rightAtOrAbove90,
            int wrongBelow80,
            List<double[]> bins) {
        double precisionAt90() {
            return atOrAbove90 == 0 ? Double.NaN : (double) rightAtOrAbove90 / atOrAbove90;
        }

        double wrongBelow80Share() {
            return wrongTotal == 0 ? 1.0 : (double) wrongBelow80 / wrongTotal;
        }

        String table() {
            StringBuilder sb = new StringBuilder("| confidence | parses | fully right |\n|---|---|---|\n");
            for (double[] b : bins) {
                if (b[2] == 0) {
                    continue;
                }
                sb.append(String.format(
                        "| %.2f–%s | %d | %.1f %% |%n",
                        b[0], b[1] >= 1.0 ? "1.00" : String.format("%.2f", b[1]), (int) b[2], 100.0 * b[3] / b[2]));
            }
            return sb.append(String.format(
                            "AUROC %.3f over %d parses; at >= 0.90: %d/%d right (precision %.2f %%); wrong results"
                                    + " below 0.80: %d/%d (%.1f %%)",
                            auroc,
                            parses,
                            rightAtOrAbove90,
                            atOrAbove90,
                            100 * precisionAt90(),
                            wrongBelow80,
                            wrongTotal,
                            100 * wrongBelow80Share()))
                    .toString();
        }
    }

    static final double[] EDGES = {0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0001};

    static Calibration calibration(List<Outcome> outcomes) {
        List<double[]> bins = new ArrayList<>();
        for (int i = 0; i + 1 < EDGES.length; i++) {
            bins.add(new double[] {EDGES[i], EDGES[i + 1], 0, 0});
        }
        List<Double> right = new ArrayList<>();
        List<Double> wrongConf = new ArrayList<>();
        int parses = 0;
        int above = 0;
        int rightAbove = 0;
        int wrongTotal = 0;
        int wrongBelow = 0;
        for (Outcome o : outcomes) {
            double c = o.confidence();
            if (!o.right()) {
                wrongTotal++;
                if (c < 0.8) {
                    wrongBelow++;
                }
            }
            if (!o.parse()) {
                continue;
            }
            parses++;
            for (double[] b : bins) {
                if (c >= b[0] && c < b[1]) {
                    b[2]++;
                    if (o.right()) {
                        b[3]++;
                    }
                }
            }
            if (c >= 0.9) {
                above++;
                if (o.right()) {
                    rightAbove++;
                }
            }
            (o.right() ? right : wrongConf).add(c);
        }
        // AUROC = P(conf(right) > conf(wrong)) + ½ P(tie), by pairs (Mann–Whitney U); sets here are small
        double u = 0;
        for (double r : right) {
            for (double w : wrongConf) {
                u += r > w ? 1 : r == w ? 0.5 : 0;
            }
        }
        double auroc =
                right.isEmpty() || wrongConf.isEmpty() ? Double.NaN : u / ((double) right.size() * wrongConf.size());
        return new Calibration(parses, wrongTotal, auroc, above, rightAbove, wrongBelow, bins);
    }

    /** One line per wrong item: id, class, confidence, text, what is wrong. */
    static List<String> misses(List<Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.right()) {
                out.add(String.format(
                        "%s %s %.2f '%s' %s",
                        o.item().id(), o.item().cls(), o.confidence(), o.item().text(), o.wrong()));
            }
        }
        return out;
    }
}
