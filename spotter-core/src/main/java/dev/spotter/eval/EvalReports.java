package dev.spotter.eval;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spotter.FileException;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Html;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders an {@link EvalReport}: JSON (the stable exchange format, read back by {@link #read}), a terminal table,
 * an HTML fragment for the project's main report ({@link #htmlFragment}) or a standalone page, and a side-by-side
 * comparison of two reports. All renderings come from one flat list of metric rows ({@link #metrics}).
 */
public final class EvalReports {
    private EvalReports() {}

    public static void writeJson(EvalReport r, Path file) {
        try {
            AtomicFile.write(
                    file,
                    AnswerJson.MAPPER
                                    .copy()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(r) + "\n");
        } catch (IOException e) {
            throw FileException.writing(file, e);
        }
    }

    public static EvalReport read(Path file) {
        FileException.requireReadableFile(file);
        try {
            return AnswerJson.MAPPER.readValue(file.toFile(), EvalReport.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // one line in words, not Jackson's 400-character explanation with class names
            String what = e.getMessage() != null && e.getMessage().startsWith("No content")
                    ? "empty file"
                    : "not an eval.json report written by spotter eval"
                            + (e.getLocation() == null || e.getLocation().getLineNr() < 1
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")");
            throw FileException.of(file, "cannot read evaluation report", what);
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
    }

    /**
     * One displayable metric: task, name, value as a fraction or plain number, and its text. {@code direction}:
     * 1 higher is better, -1 lower is better, 0 neither (counts, mean confidence).
     */
    public record Metric(String task, String name, double value, String text, int direction) {}

    /** The metrics of one run in display order; tasks the run did not see are left out. */
    public static List<Metric> metrics(RunResult r) {
        List<Metric> out = new ArrayList<>();
        VoiceMetrics v = r.voice();
        if (v != null && v.jsonValid().n() > 0) {
            rate(out, "voice", "JSON valid", v.jsonValid());
            v.fields().forEach((k, rate) -> rate(out, "voice", k + " accuracy", rate));
            rate(out, "voice", "exact match", v.exactMatch());
        }
        PaceMetrics p = r.pace();
        if (p != null && p.correct().n() > 0) {
            rate(out, "pace", "numeric correct", p.correct());
            if (p.jsonValid().n() > 0) {
                rate(out, "pace", "structured answer", p.jsonValid());
            }
        }
        InjuryMetrics i = r.injury();
        if (i != null && i.schemaValid().n() > 0) {
            rate(out, "injury", "schema valid", i.schemaValid());
            rate(out, "injury", "red-flag recall", i.redFlagRecall());
            Rate d = i.domsFalsePositive();
            out.add(new Metric("injury", "DOMS false positives", d.rate(), d.percent(), -1));
            if (i.proseAnswers() > 0) {
                out.add(new Metric(
                        "injury",
                        "prose answers (escalation read from text)",
                        i.proseAnswers(),
                        String.valueOf(i.proseAnswers()),
                        0));
            }
            if (i.topDiagnosis().n() > 0) {
                rate(out, "injury", "top diagnosis", i.topDiagnosis());
                out.add(new Metric("injury", "mean confidence", i.meanConfidence(), fmt(i.meanConfidence()), 0));
                out.add(new Metric("injury", "Brier score", i.brier(), fmt(i.brier()), -1));
                out.add(new Metric("injury", "ECE (10 bins)", i.ece(), fmt(i.ece()), -1));
            }
        }
        judge(out, "coach", r.coach());
        judge(out, "kb", r.kb());
        for (String task : List.of("coach", "kb")) {
            long n = r.examples().getOrDefault(task, 0L);
            if (n > 0 && (task.equals("coach") ? r.coach() : r.kb()) == null) {
                out.add(new Metric(task, "answers (not judged: --judge-model)", n, String.valueOf(n), 0));
            }
        }
        if (r.callErrors() > 0) {
            out.add(new Metric("all", "call errors", r.callErrors(), String.valueOf(r.callErrors()), -1));
        }
        if (r.costUsd() != null) {
            out.add(new Metric("all", "cost", r.costUsd(), String.format(Locale.ROOT, "$%.4f", r.costUsd()), -1));
        }
        return out;
    }

    private static void rate(List<Metric> out, String task, String name, Rate r) {
        out.add(new Metric(task, name, r.rate(), r.percent(), 1));
    }

    private static void judge(List<Metric> out, String task, JudgeMetrics j) {
        if (j != null && (j.n() > 0 || j.failed() > 0)) {
            out.add(new Metric(
                    task,
                    "judge score (1-5)",
                    j.meanScore(),
                    String.format(Locale.ROOT, "%.2f (n=%d, failed %d)", j.meanScore(), j.n(), j.failed()),
                    1));
            out.add(new Metric(task, "judge cost", j.costUsd(), String.format(Locale.ROOT, "$%.4f", j.costUsd()), -1));
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    /** Rows = metrics, columns = runs. */
    public static String table(EvalReport r) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> cols = new ArrayList<>();
        for (RunResult run : r.runs()) {
            String col = run.label() + ": " + run.model();
            cols.add(col);
            for (Metric m : metrics(run)) {
                rows.computeIfAbsent(m.task() + " | " + m.name(), k -> new LinkedHashMap<>())
                        .put(col, m.text());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "eval %s (%s): %d read, %d evaluated, %d rejected%s%n",
                r.data(),
                r.split(),
                r.read(),
                r.evaluated(),
                r.rejected(),
                r.rejectReasons().isEmpty() ? "" : " " + r.rejectReasons()));
        for (RunResult run : r.runs()) {
            String w = failedCalls(run);
            if (w != null) {
                sb.append("warning: ").append(w).append(System.lineSeparator());
            }
        }
        sb.append(grid(rows, cols));
        for (Gate g : r.gates()) {
            sb.append(String.format(
                    Locale.ROOT, "%s %s [%s]: %s%n", g.passed() ? "PASS" : "FAIL", g.name(), g.label(), g.detail()));
        }
        sb.append("result: ").append(r.verdict()).append(System.lineSeparator());
        return sb.toString();
    }

    private static String grid(Map<String, Map<String, String>> rows, List<String> cols) {
        int w0 = Math.max(
                6, rows.keySet().stream().mapToInt(String::length).max().orElse(6));
        int[] w = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            w[c] = cols.get(c).length();
            for (Map<String, String> row : rows.values()) {
                w[c] = Math.max(w[c], row.getOrDefault(cols.get(c), "-").length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pad("metric", w0));
        for (int c = 0; c < cols.size(); c++) {
            sb.append("  ").append(pad(cols.get(c), w[c]));
        }
        sb.append(System.lineSeparator());
        for (Map.Entry<String, Map<String, String>> e : rows.entrySet()) {
            sb.append(pad(e.getKey(), w0));
            for (int c = 0; c < cols.size(); c++) {
                sb.append("  ").append(pad(e.getValue().getOrDefault(cols.get(c), "-"), w[c]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    /** Side by side: the runs of A then the runs of B, with the change of each metric of A's and B's first run. */
    public static String compare(EvalReport a, EvalReport b) {
        RunResult ra = a.runs().get(0);
        RunResult rb = b.runs().get(0);
        Map<String, Metric> ma = new LinkedHashMap<>();
        metrics(ra).forEach(m -> ma.put(m.task() + " | " + m.name(), m));
        Map<String, Metric> mb = new LinkedHashMap<>();
        metrics(rb).forEach(m -> mb.put(m.task() + " | " + m.name(), m));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        String ca = "A " + ra.model();
        String cb = "B " + rb.model();
        List<String> keys = new ArrayList<>(ma.keySet());
        mb.keySet().stream().filter(k -> !ma.containsKey(k)).forEach(keys::add);
        for (String k : keys) {
            Map<String, String> row = new LinkedHashMap<>();
            Metric x = ma.get(k);
            Metric y = mb.get(k);
            row.put(ca, x == null ? "-" : x.text());
            row.put(cb, y == null ? "-" : y.text());
            if (x != null && y != null) {
                double d = y.value() - x.value();
                boolean rate = x.text().endsWith(")") && x.text().contains("%");
                String delta = rate
                        ? String.format(Locale.ROOT, "%+.2f pts", 100 * d)
                        : String.format(Locale.ROOT, "%+.3f", d);
                boolean better = x.direction() * d > 1e-12;
                boolean worse = x.direction() * d < -1e-12;
                row.put("B - A", delta + (better ? " better" : worse ? " worse" : ""));
            }
            rows.put(k, row);
        }
        String nl = System.lineSeparator();
        String differs = differentData(a, b);
        String wa = failedCalls(ra);
        String wb = failedCalls(rb);
        return "A: " + a.data() + " (" + a.createdAt() + ")" + nl
                + "B: " + b.data() + " (" + b.createdAt() + ")" + nl
                + (wa == null ? "" : "warning: A: " + wa + nl)
                + (wb == null ? "" : "warning: B: " + wb + nl)
                + (differs == null
                        ? ""
                        : "warning: A and B were computed on different data (" + differs
                                + "): the differences below compare different examples" + nl)
                + grid(rows, List.of(ca, cb, "B - A"))
                + "gates: A " + gateWord(a) + ", B " + gateWord(b) + nl;
    }

    /**
     * Says how many calls of a run failed after the client's retries, or null when none did: a failed call is scored
     * as an empty answer, so the run's scores do not measure the model and a reader must not take them as its.
     */
    static @Nullable String failedCalls(RunResult run) {
        long total = run.examples().values().stream().mapToLong(Long::longValue).sum();
        if (run.callErrors() == 0) {
            return null;
        }
        return run.callErrors() + " of " + total + " calls to " + run.model() + " failed after retries"
                + (run.firstError() == null ? "" : " (first: " + run.firstError() + ")")
                + " and were scored as empty answers: "
                + (run.callErrors() == total ? "these scores measure nothing" : "the scores understate the model");
    }

    private static String gateWord(EvalReport r) {
        return !r.gated() ? "no gate applied" : r.passed() ? "PASS" : "FAIL";
    }

    /** Why two reports are not comparable example by example, or null when nothing shows they differ. */
    static String differentData(EvalReport a, EvalReport b) {
        List<String> why = new ArrayList<>();
        if (a.dataSha256() != null && b.dataSha256() != null) {
            if (!a.dataSha256().equals(b.dataSha256())) {
                why.add("data sha256 " + a.dataSha256().substring(0, 12) + " vs "
                        + b.dataSha256().substring(0, 12));
            }
        } else if (!a.data().equals(b.data())) {
            why.add("data file " + a.data() + " vs " + b.data());
        }
        if (!a.split().equals(b.split())) {
            why.add("split " + a.split() + " vs " + b.split());
        }
        if (a.evaluated() != b.evaluated() || a.read() != b.read()) {
            why.add("examples evaluated " + a.evaluated() + " of " + a.read() + " vs " + b.evaluated() + " of "
                    + b.read());
        }
        Map<String, Long> ea = a.runs().get(0).examples();
        Map<String, Long> eb = b.runs().get(0).examples();
        if (!ea.equals(eb)) {
            why.add("examples per task " + ea + " vs " + eb);
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** A self-contained {@code <section>} (inline styles only) for embedding in the project's HTML report. */
    public static String htmlFragment(EvalReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"spotter-eval\" style=\"font-family:system-ui,sans-serif\">\n");
        sb.append("<h2>Evaluation</h2>\n<p>")
                .append(Html.escape(r.data()))
                .append(" (")
                .append(Html.escape(r.split()))
                .append("), ")
                .append(r.evaluated())
                .append(" examples evaluated, ")
                .append(r.rejected())
                .append(" rejected; endpoint ")
                .append(Html.escape(String.valueOf(r.endpoint())))
                .append("; ")
                .append(Html.escape(r.createdAt()))
                .append("</p>\n");
        sb.append(
                "<table style=\"border-collapse:collapse\">\n<tr><th style=\"text-align:left;padding:2px 8px\">task</th>"
                        + "<th style=\"text-align:left;padding:2px 8px\">metric</th>");
        for (RunResult run : r.runs()) {
            sb.append("<th style=\"text-align:left;padding:2px 8px\">")
                    .append(Html.escape(run.label()))
                    .append("<br><code>")
                    .append(Html.escape(run.model()))
                    .append("</code></th>");
        }
        sb.append("</tr>\n");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (int c = 0; c < r.runs().size(); c++) {
            for (Metric m : metrics(r.runs().get(c))) {
                String[] row = rows.computeIfAbsent(
                        m.task() + "\u0000" + m.name(), k -> new String[r.runs().size()]);
                row[c] = m.text();
            }
        }
        for (Map.Entry<String, String[]> e : rows.entrySet()) {
            String[] k = e.getKey().split("\u0000");
            sb.append("<tr style=\"border-top:1px solid #ddd\"><td style=\"padding:2px 8px\">")
                    .append(Html.escape(k[0]))
                    .append("</td><td style=\"padding:2px 8px\">")
                    .append(Html.escape(k[1]))
                    .append("</td>");
            for (String v : e.getValue()) {
                sb.append("<td style=\"padding:2px 8px\">")
                        .append(Html.escape(v == null ? "-" : v))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<ul>\n");
        for (Gate g : r.gates()) {
            sb.append("<li style=\"color:")
                    .append(g.passed() ? "#176f2c" : "#b00020")
                    .append("\">")
                    .append(g.passed() ? "PASS " : "FAIL ")
                    .append(Html.escape(g.name()))
                    .append(" [")
                    .append(Html.escape(g.label()))
                    .append("]: ")
                    .append(Html.escape(g.detail()))
                    .append("</li>\n");
        }
        sb.append("</ul>\n<p><strong>").append(Html.escape(r.verdict())).append("</strong></p>\n</section>\n");
        return sb.toString();
    }

    public static String htmlPage(EvalReport r) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Spotter evaluation</title></head>"
                + "<body>\n" + htmlFragment(r) + "</body></html>\n";
    }
}
