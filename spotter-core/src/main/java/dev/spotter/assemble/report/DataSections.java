package dev.spotter.assemble.report;

import static dev.spotter.assemble.report.Charts.n;
import static dev.spotter.kernel.Html.escape;

import dev.spotter.assemble.report.ReportSamples.Count;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's sections that show the data ({@link ReportSamples}): example conversations per category, trainable
 * tokens and turns (train vs validation), tokens per category, voice label distributions, the quarantine viewer,
 * PII replacements and duplicate pairs. Every text from the data goes through {@link dev.spotter.kernel.Html#escape};
 * the quarantine filter is CSS only (radio buttons and {@code :has(:checked)} rules), so the page needs no script.
 */
final class DataSections {
    private DataSections() {}

    /** CSS of these sections, including one filter rule per quarantine reason. */
    static String css(ReportSamples s) {
        StringBuilder b = new StringBuilder();
        b.append(".chat{border:1px solid #d9e2ec;border-radius:6px;margin:10px 0;padding:6px 10px}\n")
                .append(".chat h3{font-size:13px;margin:2px 0 6px;color:#52606d;font-weight:600}\n")
                .append(".turn{margin:4px 0;padding:4px 8px;border-radius:4px;white-space:pre-wrap;"
                        + "overflow-wrap:anywhere;font-size:13px;line-height:1.5}\n")
                .append(".turn b{display:block;font-size:11px;color:#52606d;text-transform:uppercase}\n")
                .append(".system{background:#f5f7fa}.user{background:#e8f0fb}.assistant{background:#eaf6ec}\n")
                .append(".text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,monospace;"
                        + "font-size:12px;line-height:1.5;vertical-align:top}\n")
                .append(".pair td{width:50%}.opt{white-space:nowrap;margin-right:10px;font-size:13px}\n");
        List<String> reasons = reasons(s);
        for (int i = 0; i < reasons.size(); i++) {
            b.append(".filter:has(#qf-")
                    .append(i)
                    .append(":checked) tr.q:not(.q-")
                    .append(i)
                    .append("){display:none}\n");
        }
        return b.toString();
    }

    static String render(ReportSamples s) {
        StringBuilder b = new StringBuilder(16_000);
        examples(b, s);
        tokens(b, s);
        labels(b, s);
        quarantine(b, s);
        pii(b, s);
        duplicates(b, s);
        return b.toString();
    }

    /** Opens an example's box: {@code <div class="CSS" data-id="ID"><h3>source / category · id</h3>}. */
    static void openExample(StringBuilder b, String css, String id, String source, String category) {
        b.append("<div class=\"")
                .append(css)
                .append("\" data-id=\"")
                .append(escape(id))
                .append("\"><h3>")
                .append(escape(source + " / " + category))
                .append(" · <code>")
                .append(escape(id))
                .append("</code></h3>\n");
    }

    private static void examples(StringBuilder b, ReportSamples s) {
        b.append("<h2 id=\"examples\">Example conversations</h2>\n<p class=\"note\">")
                .append("Up to ")
                .append(ReportSamples.PER_STRATUM)
                .append(" train examples per source / category, picked by a hash of their id, as"
                        + " the upload files hold them (after the PII scrub); long turns are shortened.")
                .append("</p>\n");
        if (s.examples().isEmpty()) {
            b.append("<p class=\"note\">No train example.</p>\n");
        }
        for (ReportSamples.Example e : s.examples()) {
            openExample(b, "chat", e.id(), e.source(), e.category());
            for (ReportSamples.Turn t : e.turns()) {
                String role = switch (t.role()) {
                    case "system", "user", "assistant" -> t.role();
                    default -> "system";
                };
                b.append("<div class=\"turn ")
                        .append(role)
                        .append("\"><b>")
                        .append(escape(t.role()))
                        .append("</b>")
                        .append(escape(t.content()))
                        .append("</div>\n");
            }
            b.append("</div>\n");
        }
    }

    private static void tokens(StringBuilder b, ReportSamples s) {
        b.append("<h2 id=\"trainable\">Trainable tokens and turns, train vs validation</h2>\n<p class=\"note\">Over ")
                .append(n(s.sampled().getOrDefault("train", 0L)))
                .append(" train and ")
                .append(n(s.sampled().getOrDefault("validation", 0L)))
                .append(" validation examples (a sample by id when a split is larger). Trainable tokens: the"
                        + " assistant turns' tokens and their end-of-turn token. Bars are shares of each split: ")
                .append(legend())
                .append("</p>\n");
        paired(b, s.assistantTokens(), "trainable (assistant) tokens per example");
        paired(b, s.turns(), "assistant turns per example");
        b.append("<table><tr><th>source / category</th><th class=\"n\">examples</th><th class=\"n\">tokens</th>"
                + "<th class=\"n\">mean tokens</th><th class=\"n\">mean trainable (sample)</th></tr>\n");
        for (ReportSamples.CategoryRow r : s.categories()) {
            b.append("<tr><td>")
                    .append(escape(r.source() + " / " + r.category()))
                    .append("</td><td class=\"n\">")
                    .append(n(r.examples()))
                    .append("</td><td class=\"n\">")
                    .append(n(r.tokens()))
                    .append("</td><td class=\"n\">")
                    .append(n(r.examples() == 0 ? 0 : r.tokens() / r.examples()))
                    .append("</td><td class=\"n\">")
                    .append(n(r.assistantMean()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void paired(StringBuilder b, Map<String, List<Count>> bySplit, String title) {
        List<Count> train = bySplit.getOrDefault("train", List.of());
        List<Count> val = bySplit.getOrDefault("validation", List.of());
        if (train.isEmpty() && val.isEmpty()) {
            b.append("<p class=\"note\">No examples.</p>\n");
            return;
        }
        List<Count> axis = train.size() >= val.size() ? train : val;
        List<String> labels = new ArrayList<>();
        List<Long> a = new ArrayList<>();
        List<Long> v = new ArrayList<>();
        for (int i = 0; i < axis.size(); i++) {
            String label = axis.get(i).label();
            labels.add(label.substring(0, Math.max(1, label.indexOf('–'))));
            a.add(i < train.size() ? train.get(i).count() : 0);
            v.add(i < val.size() ? val.get(i).count() : 0);
        }
        b.append(Charts.histogram(labels, a, v, title + " (bin start)"));
    }

    private static void labels(StringBuilder b, ReportSamples s) {
        if (s.labels().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"labels\">Voice labels</h2>\n<p class=\"note\">What the voice examples' answers say"
                + " (sampled examples; weight in buckets of 25 of its unit; exercises: the 15 most frequent).</p>\n");
        s.labels().forEach((label, counts) -> {
            b.append("<h3>").append(escape(label)).append("</h3>\n");
            List<String> ls = new ArrayList<>();
            List<long[]> vs = new ArrayList<>();
            counts.forEach(c -> {
                ls.add(c.label());
                vs.add(new long[] {c.count(), 0, 0});
            });
            b.append(Charts.bars(ls, vs));
        });
    }

    private static void quarantine(StringBuilder b, ReportSamples s) {
        b.append("<h2 id=\"quarantine\">Quarantine</h2>\n");
        if (s.quarantine().isEmpty()) {
            b.append("<p class=\"note\">No line was rejected.</p>\n");
            return;
        }
        List<String> reasons = reasons(s);
        Map<String, Integer> shown = new LinkedHashMap<>();
        s.quarantine().forEach(q -> shown.merge(q.reason(), 1, Integer::sum));
        b.append("<p class=\"note\">Rejected lines with file:line and reason (at most ")
                .append(ReportSamples.PER_REASON)
                .append(" per reason; personal data masked as in the scrub). Filter by reason:</p>\n")
                .append("<div class=\"filter\">\n<span class=\"opt\"><input type=\"radio\" name=\"qf\" id=\"qf-all\"")
                .append(" checked><label for=\"qf-all\">all</label></span>\n");
        for (int i = 0; i < reasons.size(); i++) {
            b.append("<span class=\"opt\"><input type=\"radio\" name=\"qf\" id=\"qf-")
                    .append(i)
                    .append("\"><label for=\"qf-")
                    .append(i)
                    .append("\">")
                    .append(escape(reasons.get(i)))
                    .append(" (")
                    .append(shown.get(reasons.get(i)))
                    .append(")</label></span>\n");
        }
        b.append("<table class=\"quarantine\"><tr><th>file:line</th><th>reason</th><th>line (masked)</th></tr>\n");
        for (ReportSamples.Rejected q : s.quarantine()) {
            b.append("<tr class=\"q q-")
                    .append(reasons.indexOf(q.reason()))
                    .append("\"><td>")
                    .append(escape(q.file() + ":" + q.line()))
                    .append("</td><td><code>")
                    .append(escape(q.reason()))
                    .append("</code><br><span class=\"note\">")
                    .append(escape(q.detail()))
                    .append("</span></td><td class=\"text\">")
                    .append(escape(q.text()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n</div>\n");
    }

    private static void pii(StringBuilder b, ReportSamples s) {
        b.append("<h2 id=\"pii\">PII replacements</h2>\n");
        if (s.pii().isEmpty()) {
            b.append("<p class=\"note\">No personal data was replaced.</p>\n");
            return;
        }
        b.append("<p class=\"note\">Before (masked: the first character of the replaced text, then its shape) and"
                        + " after the scrub, first ")
                .append(s.pii().size())
                .append(".</p>\n<table><tr><th>example</th><th>before (masked)</th><th>after</th></tr>\n");
        for (ReportSamples.PiiSnippet p : s.pii()) {
            b.append("<tr><td><code>")
                    .append(escape(p.id()))
                    .append("</code></td><td class=\"text\">")
                    .append(escape(p.before()))
                    .append("</td><td class=\"text\">")
                    .append(escape(p.after()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void duplicates(StringBuilder b, ReportSamples s) {
        b.append("<h2 id=\"duplicates\">Duplicate pairs</h2>\n");
        if (s.duplicates().isEmpty()) {
            b.append("<p class=\"note\">No duplicate was dropped.</p>\n");
            return;
        }
        b.append("<p class=\"note\">Dropped example (left) next to the kept one it duplicates (right); near"
                + " duplicates first.</p>\n<table class=\"pair\"><tr><th>dropped</th><th>kept</th></tr>\n");
        for (ReportSamples.DuplicatePair d : s.duplicates()) {
            b.append("<tr><td colspan=\"2\"><code>")
                    .append(escape(d.reason()))
                    .append("</code> · similarity ")
                    .append(String.format(Locale.ROOT, "%.3f", d.similarity()))
                    .append(" · <code>")
                    .append(escape(d.droppedId()))
                    .append("</code> → <code>")
                    .append(escape(d.keptId()))
                    .append("</code></td></tr>\n<tr><td class=\"text\">")
                    .append(escape(d.dropped()))
                    .append("</td><td class=\"text\">")
                    .append(escape(d.kept()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String legend() {
        return "<span style=\"color:" + Charts.BAR + "\">■</span> train · <span style=\"color:" + Charts.VAL
                + "\">■</span> validation.";
    }

    /** The distinct quarantine reasons in first-seen order: the filter's buttons. */
    private static List<String> reasons(ReportSamples s) {
        return s.quarantine().stream()
                .map(ReportSamples.Rejected::reason)
                .distinct()
                .toList();
    }
}
