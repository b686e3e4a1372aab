package dev.spotter.assemble.report;

import static dev.spotter.assemble.report.Charts.n;
import static dev.spotter.kernel.Html.escape;

import dev.spotter.assemble.TrainerStats;
import dev.spotter.train.export.TokenPreview;
import java.util.List;

/**
 * The report's "What the trainer learns" section: the trainer check's counts per export target
 * ({@link TrainerStats}) and, for one train example per source / category, the exact token stream with the
 * trained (loss) tokens marked ({@link ReportSamples.TokenSample}), as axolotl's {@code preprocess --debug} shows
 * labels. Markup: a run of trained tokens is {@code <span class="tr">}, of untrained ones {@code <span
 * class="un">}; each token is an {@code <i>} (special tokens {@code <i class="sp">}, with their id as title), so
 * token boundaries show as alternating shades. Newlines show as {@code ↵} before the line break. Every token's
 * text is escaped. Bounded: {@link ReportSamples.TokenSample#HEAD} + {@link ReportSamples.TokenSample#TAIL} tokens
 * per view.
 */
final class TrainerSection {
    static final String CSS = ".ts{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,monospace;"
            + "font-size:12px;line-height:1.7;border:1px solid #d9e2ec;border-radius:4px;padding:6px 8px;margin:4px 0}\n"
            + ".ts i{font-style:normal}.ts i:nth-child(even){background:rgba(82,96,109,.10)}\n"
            + ".ts .un{color:#52606d}.ts .tr i{background:#b7ebc3;color:#0b3d17}"
            + ".ts .tr i:nth-child(even){background:#8fdc9f}\n"
            + ".ts .sp{color:#7b2cbf;font-weight:600}.ts .tr .sp{color:#5a189a}.ts .gap{color:#b42318}\n"
            + ".tp h4{font-size:12px;margin:8px 0 2px;color:#52606d;font-weight:600}\n";

    private TrainerSection() {}

    static String html(TrainerStats check, List<ReportSamples.TokenSample> samples) {
        StringBuilder b = new StringBuilder(8_000);
        b.append("<h2 id=\"trainer\">What the trainer learns</h2>\n");
        if (check != null) {
            b.append("<p class=\"note\">Every example (")
                    .append(n(check.examples()))
                    .append(") checked against each export target's trainer, with <code>spotter export</code>'s"
                            + " default settings (<code>spotter preview --target T --dataset DIR</code> takes the"
                            + " export's options). Counts are examples; the ids name the input file and line.</p>\n");
            b.append("<table class=\"trainer\"><tr><th>target</th><th>trains on</th>");
            TokenPreview.WARNINGS.forEach(
                    w -> b.append("<th class=\"n\">").append(escape(w)).append("</th>"));
            b.append("<th>first examples</th></tr>\n");
            for (TrainerStats.TargetCheck t : check.targets()) {
                b.append("<tr><td>")
                        .append(escape(t.target()))
                        .append("</td><td>")
                        .append(escape(t.rule()))
                        .append("</td>");
                t.warnings()
                        .forEach((w, c) -> b.append("<td class=\"n ")
                                .append(c > 0 ? "bad" : "ok")
                                .append("\">")
                                .append(n(c))
                                .append("</td>"));
                b.append("<td>");
                t.firstExamples()
                        .forEach((w, ids) -> b.append(escape(w))
                                .append(": <code>")
                                .append(escape(String.join(", ", ids)))
                                .append("</code><br>"));
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<p class=\"note\">One train example per source / category (the first of the example conversations"
                + " above) as the token stream the trainer sees: <span class=\"ts\"><span class=\"tr\"><i>trained"
                + "</i></span></span> tokens are in the loss, the others are context; <span class=\"ts\"><i"
                + " class=\"sp\">&lt;|eot_id|&gt;</i></span> is a special token. Targets that train the same tokens"
                + " share one stream.</p>\n");
        for (ReportSamples.TokenSample s : samples) {
            DataSections.openExample(b, "chat tp", s.id(), s.source(), s.category());
            for (ReportSamples.TokenView v : s.views()) {
                b.append("<h4>")
                        .append(escape(String.join(", ", v.targets())))
                        .append(" · ")
                        .append(n(v.total()))
                        .append(" tokens, ")
                        .append(n(v.trained()))
                        .append(" trained")
                        .append(v.warnings().isEmpty() ? "" : " · " + escape(String.join(", ", v.warnings())))
                        .append("</h4>\n<div class=\"ts\">");
                tokens(b, v.head());
                if (v.hidden() > 0) {
                    b.append("<span class=\"gap\">\n… ").append(n(v.hidden())).append(" tokens not shown …\n</span>");
                    tokens(b, v.tail());
                }
                b.append("</div>\n");
            }
            b.append("</div>\n");
        }
        return b.toString();
    }

    private static void tokens(StringBuilder b, List<TokenPreview.Token> tokens) {
        Boolean open = null;
        for (TokenPreview.Token t : tokens) {
            if (open == null || open != t.trained()) {
                if (open != null) {
                    b.append("</span>");
                }
                b.append(t.trained() ? "<span class=\"tr\">" : "<span class=\"un\">");
                open = t.trained();
            }
            if (t.special()) {
                b.append("<i class=\"sp\" title=\"").append(t.id()).append("\">");
            } else {
                b.append("<i>");
            }
            b.append(escape(t.text()).replace("\n", "↵\n")).append("</i>");
        }
        if (open != null) {
            b.append("</span>");
        }
    }
}
