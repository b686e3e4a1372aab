package dev.spotter.assemble.report;

import dev.spotter.assemble.AccountingStats;
import dev.spotter.assemble.BuildSummary;
import dev.spotter.assemble.DedupStats;
import dev.spotter.assemble.ScrubStats;
import dev.spotter.assemble.TokenStats;
import dev.spotter.assemble.WriteStats;
import dev.spotter.kernel.Html;
import dev.spotter.project.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page (inline CSS and SVG, no scripts, no external URLs) with the build's charts:
 * examples per category against targets, token-length histogram, rejects by reason, duplicate clusters,
 * plus the accounting line; and the data itself ({@link ReportSamples}, rendered by {@link DataSections}): example
 * conversations, trainable tokens and turns per split, voice labels, quarantine, PII and duplicate pairs. Readable
 * offline; deterministic (rendered from the summary and the bounded samples only).
 *
 * <p>Built with a {@link StringBuilder} and {@link Html#escape} rather than a template engine: the page is a
 * dozen element kinds, the one rule that matters (every data text escaped) is one function, and an engine (jte,
 * Pebble) would add a build plugin or a runtime for no check that the escaping does not already give.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static String render(BuildSummary s) {
        return render(s, ReportSamples.none(), null);
    }

    /**
     * The report with an Evaluation section: {@code evalSection} is the eval area's self-contained fragment
     * ({@code EvalReports.htmlFragment}), or a short note when there is none (null: no section at all).
     */
    public static String render(BuildSummary s, ReportSamples data, String evalSection) {
        StringBuilder b = new StringBuilder(32_000);
        String name = Html.escape(s.name());
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(name)
                .append(" — dataset build report</title>\n<style>\n")
                .append(
                        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:1040px;color:#1f2933;padding:0 16px;line-height:1.5}\n")
                .append(
                        "h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d9e2ec;padding-bottom:4px}\n")
                .append(
                        ".kpis{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.kpi{background:#f0f4f8;border-radius:6px;padding:10px 14px;min-width:120px}\n")
                .append(".kpi b{display:block;font-size:22px}.kpi span{font-size:12px;color:#52606d}\n")
                .append(
                        "table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border-bottom:1px solid #e4e7eb;padding:4px 10px;text-align:left}\n")
                .append(
                        "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#1e7b34}.bad{color:#b42318}\n")
                .append(
                        "svg text{font-family:system-ui,sans-serif;font-size:12px;fill:#1f2933}.note{color:#52606d;font-size:13px}\n")
                // no vertical padding and a line height above the font's content area: the background of a wrapped
                // code span's next line must not paint over this line's underscores and descenders
                .append("code{background:#f0f4f8;padding:0 3px;border-radius:3px;overflow-wrap:anywhere;"
                        + "-webkit-box-decoration-break:clone;box-decoration-break:clone}\n")
                .append(DataSections.css(data))
                .append(TrainerSection.CSS)
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>")
                .append(name)
                .append("</h1>\n<p class=\"note\">Spotter dataset build report · seed ")
                .append(s.seed())
                .append(" · tokens: ")
                .append(Html.escape(s.tokenMethod()))
                .append("</p>\n");

        AccountingStats acc = s.accounting();
        WriteStats out = s.output();
        DedupStats d = s.dedup();
        b.append("<div class=\"kpis\">");
        kpi(b, n(out.train()), "train examples");
        kpi(b, n(out.validation()), "validation examples");
        kpi(b, n(acc.read()), "input lines read");
        kpi(b, n(acc.quarantined()), "rejected (quarantine)");
        kpi(b, n(d.exact() + d.near()), "duplicates dropped");
        kpi(b, n(out.tokens().all().total()), "tokens");
        b.append("</div>\n");
        b.append("<p class=\"")
                .append(acc.ok() ? "ok" : "bad")
                .append("\"><b>Accounting ")
                .append(acc.ok() ? "complete" : "FAILED")
                .append(":</b> ")
                .append(n(acc.read()))
                .append(" read = ")
                .append(n(acc.train()))
                .append(" train + ")
                .append(n(acc.validation()))
                .append(" validation + ")
                .append(n(acc.quarantined()))
                .append(" quarantined + ")
                .append(n(acc.deduplicated()))
                .append(" duplicates");
        if (acc.pendingReview() > 0) {
            b.append(" + ").append(n(acc.pendingReview())).append(" pending review");
        }
        acc.problems().forEach(p -> b.append("; ").append(Html.escape(p)));
        b.append("</p>\n");

        // Category counts vs targets
        b.append("<h2>Examples per category vs target</h2>\n");
        List<String> labels = new ArrayList<>();
        List<long[]> vals = new ArrayList<>();
        for (Inventory.Row r : s.inventory().rows()) {
            WriteStats.Stratum st = DatasetCard.stratum(out, r);
            labels.add(r.source() + " / " + r.category() + " (" + r.status() + ")");
            vals.add(new long[] {st == null ? 0 : st.train(), st == null ? 0 : st.validation(), r.target()});
        }
        b.append(Charts.bars(labels, vals));
        b.append("<p class=\"note\"><span style=\"color:")
                .append(Charts.BAR)
                .append("\">■</span> train · <span style=\"color:")
                .append(Charts.VAL)
                .append("\">■</span> validation · <span style=\"color:")
                .append(Charts.TARGET)
                .append("\">|</span> target</p>\n");
        List<Inventory.Need> needs = s.inventory().needs();
        if (!needs.isEmpty()) {
            // one row per source: what is missing per category, and the one command that provides it
            Map<String, List<Inventory.Need>> bySource = new LinkedHashMap<>();
            needs.forEach(nd -> bySource.computeIfAbsent(nd.source(), k -> new ArrayList<>())
                    .add(nd));
            b.append(
                    "<table><tr><th>still needed</th><th class=\"n\">missing</th><th>by category</th><th>how to provide</th></tr>\n");
            for (var e : bySource.entrySet()) {
                long total = 0;
                List<String> parts = new ArrayList<>();
                for (Inventory.Need nd : e.getValue()) {
                    total += nd.missing();
                    parts.add(Html.escape(nd.category()) + " " + n(nd.missing()));
                }
                Inventory.Need first = e.getValue().get(0);
                b.append("<tr><td>")
                        .append(Html.escape(e.getKey()))
                        .append("</td><td class=\"n\">")
                        .append(n(total))
                        .append("</td><td>")
                        .append(String.join(", ", parts))
                        .append("</td><td><code>")
                        .append(Html.escape(first.command()))
                        .append("</code>")
                        .append(
                                first.needsProvider() && !first.providerConfigured()
                                        ? " (needs $"
                                                + Html.escape(
                                                        first.providerEnv() == null
                                                                ? "an LLM provider key"
                                                                : first.providerEnv())
                                                + ")"
                                        : "")
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        // Token histogram
        TokenStats tok = out.tokens().all();
        b.append("<h2>Token length per example</h2>\n");
        List<String> hl = new ArrayList<>();
        List<Long> hv = new ArrayList<>();
        for (TokenStats.Bin h : tok.histogram()) {
            hl.add(n(h.from()));
            hv.add(h.examples());
        }
        b.append(Charts.histogram(hl, hv));
        b.append("<p class=\"note\">min ")
                .append(n(tok.min()))
                .append(" · p10 ")
                .append(n(tok.p10()))
                .append(" · median ")
                .append(n(tok.p50()))
                .append(" · p90 ")
                .append(n(tok.p90()))
                .append(" · max ")
                .append(n(tok.max()))
                .append(" · limit ")
                .append(n(s.tokenLimit()))
                .append(" tokens</p>\n");

        b.append(DataSections.render(data));
        b.append(TrainerSection.html(s.trainer(), data.tokens()));

        // Rejects by reason
        b.append("<h2>Rejected lines by reason</h2>\n");
        List<String> rl = new ArrayList<>();
        List<long[]> rv = new ArrayList<>();
        s.rejectReasons().forEach((reason, count) -> {
            rl.add(reason);
            rv.add(new long[] {count, 0, 0});
        });
        if (rl.isEmpty()) {
            b.append("<p class=\"note\">No line was rejected.</p>\n");
        } else {
            b.append(Charts.bars(rl, rv));
        }

        // Dedup clusters
        b.append("<h2>Duplicate clusters</h2>\n<p class=\"note\">")
                .append(n(d.exact()))
                .append(" exact and ")
                .append(n(d.near()))
                .append(" near duplicates dropped in ")
                .append(n(d.clusterCount()))
                .append(" clusters (MinHash ")
                .append(d.permutations())
                .append(" permutations, LSH ")
                .append(d.bands())
                .append("×")
                .append(d.rows())
                .append(", threshold ")
                .append(String.valueOf(d.threshold()))
                .append("). Keep rule: ")
                .append(Html.escape(d.keepRule()))
                .append(".</p>\n");
        List<String> cl = new ArrayList<>();
        List<long[]> cv = new ArrayList<>();
        for (DedupStats.Cluster c : d.clusters()) {
            cl.add(c.keptId());
            cv.add(new long[] {c.exact() + 1, c.near(), 0});
        }
        if (!cl.isEmpty()) {
            b.append(Charts.bars(cl, cv));
            b.append("<p class=\"note\">Bar = cluster size (kept example + <span style=\"color:")
                    .append(Charts.BAR)
                    .append("\">exact</span> / <span style=\"color:")
                    .append(Charts.VAL)
                    .append("\">near</span> duplicates), largest ")
                    .append(cl.size())
                    .append(".</p>\n");
        }

        // PII + leakage
        ScrubStats p = s.pii();
        b.append(
                "<h2>PII scrub and leakage check</h2>\n<table><tr><th>placeholder</th><th class=\"n\">replacements</th></tr>\n");
        p.replacements()
                .forEach((placeholder, count) -> b.append("<tr><td><code>")
                        .append(Html.escape(placeholder))
                        .append("</code></td><td class=\"n\">")
                        .append(n(count))
                        .append("</td></tr>\n"));
        b.append("</table>\n<p class=\"note\">")
                .append(n(p.recordsChanged()))
                .append(" examples changed. Leakage: ")
                .append(Html.escape(s.split().leakageRule()))
                .append("; ")
                .append(n(s.split().leakageMoved()))
                .append(" moved.</p>\n");

        // Sources
        b.append(
                "<h2>Sources</h2>\n<table><tr><th>source</th><th>kind</th><th class=\"n\">read</th><th class=\"n\">accepted</th>"
                        + "<th class=\"n\">rejected</th><th>first errors</th></tr>\n");
        for (BuildSummary.Source src : s.sources()) {
            List<String> errs = new ArrayList<>();
            src.firstErrors().forEach(e -> errs.add(Html.escape(e)));
            b.append("<tr><td>")
                    .append(Html.escape(src.id()))
                    .append("</td><td>")
                    .append(Html.escape(src.kind().yamlName()))
                    .append("</td><td class=\"n\">")
                    .append(n(src.read()))
                    .append("</td><td class=\"n\">")
                    .append(n(src.accepted()))
                    .append("</td><td class=\"n\">")
                    .append(n(src.rejected()))
                    .append("</td><td>")
                    .append(String.join("<br>", errs.subList(0, Math.min(3, errs.size()))))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (evalSection != null) {
            b.append(evalSection);
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void kpi(StringBuilder b, String v, String label) {
        b.append("<div class=\"kpi\"><b>")
                .append(v)
                .append("</b><span>")
                .append(Html.escape(label))
                .append("</span></div>");
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
