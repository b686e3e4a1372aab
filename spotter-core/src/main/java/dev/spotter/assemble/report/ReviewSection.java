package dev.spotter.assemble.report;

import dev.spotter.assemble.BuildSummary;
import dev.spotter.assemble.ReviewStats;
import dev.spotter.kernel.Html;
import dev.spotter.review.RejectReport;

/**
 * The "Human review" section of report.html and of the dataset card: per reviewed source what the gate let
 * through, and per batch reviewed / accepted / edited / rejected / pending and the sign-off. Empty when no source
 * is reviewed, so a project without {@code review:} renders as before. Rendered from the summary only.
 */
public final class ReviewSection {
    private ReviewSection() {}

    /** A self-contained HTML section, or "" when no source is reviewed. */
    public static String html(BuildSummary s) {
        if (s.review().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<section><h2>Human review</h2>\n");
        for (ReviewStats r : s.review()) {
            b.append("<h3>")
                    .append(Html.escape(r.source()))
                    .append("</h3>\n<p class=\"")
                    .append(r.blocked() ? "bad" : "ok")
                    .append("\">")
                    .append(DatasetCard.n(r.used()))
                    .append(" used (")
                    .append(DatasetCard.n(r.edited()))
                    .append(" edited), ")
                    .append(DatasetCard.n(r.rejected()))
                    .append(" rejected, ")
                    .append(DatasetCard.n(r.batchFailed()))
                    .append(" in failed batches, ")
                    .append(DatasetCard.n(r.pending()))
                    .append(" pending review");
            if (r.blocked()) {
                b.append(": not in the upload files; open them with <code>")
                        .append(Html.escape(r.command()))
                        .append("</code>");
            }
            b.append("</p>\n<table><tr><th>batch</th><th>state</th><th>records</th><th>reviewed</th>"
                    + "<th>accepted</th><th>edited</th><th>rejected</th><th>pending</th><th>sign-off</th></tr>\n");
            for (ReviewStats.Batch x : r.batches()) {
                b.append("<tr><td>")
                        .append(Html.escape(x.id()))
                        .append("</td><td>")
                        .append(Html.escape(x.state()))
                        .append("</td>");
                for (int v :
                        new int[] {x.records(), x.reviewed(), x.accepted(), x.edited(), x.rejected(), x.pending()}) {
                    b.append("<td>").append(DatasetCard.n(v)).append("</td>");
                }
                b.append("<td>").append(Html.escape(signOff(x))).append("</td></tr>\n");
            }
            b.append("</table>\n");
            rejectReasons(r, b);
        }
        return b.append("</section>\n").toString();
    }

    /** A markdown section for the dataset card, or "" when no source is reviewed. */
    public static String markdown(BuildSummary s) {
        if (s.review().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("## Human review\n\n");
        b.append(
                "| source | batch | state | records | reviewed | accepted | edited | rejected | pending | sign-off |\n");
        b.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (ReviewStats r : s.review()) {
            for (ReviewStats.Batch x : r.batches()) {
                b.append("| ")
                        .append(cell(r.source()))
                        .append(" | ")
                        .append(cell(x.id()))
                        .append(" | ")
                        .append(x.state())
                        .append(" | ")
                        .append(x.records())
                        .append(" | ")
                        .append(x.reviewed())
                        .append(" | ")
                        .append(x.accepted())
                        .append(" | ")
                        .append(x.edited())
                        .append(" | ")
                        .append(x.rejected())
                        .append(" | ")
                        .append(x.pending())
                        .append(" | ")
                        .append(cell(signOff(x)))
                        .append(" |\n");
            }
        }
        b.append('\n');
        for (ReviewStats r : s.review()) {
            if (r.blocked()) {
                b.append("- ")
                        .append(cell(r.source()))
                        .append(": ")
                        .append(r.pending())
                        .append(" examples wait for review and are not in this dataset (`")
                        .append(r.command())
                        .append("`).\n");
            }
        }
        return b.append('\n').toString();
    }

    /**
     * Reject reasons per category and per prompt hash (worst prompt first), so a bad prompt template shows as a
     * number; left out until something is reviewed.
     */
    private static void rejectReasons(ReviewStats r, StringBuilder b) {
        if (r.rejectReasons().stream().noneMatch(row -> row.decided() > 0)) {
            return;
        }
        b.append("<h3>Reject reasons: ")
                .append(Html.escape(r.source()))
                .append("</h3>\n<table><tr><th>category / prompt</th><th>records</th><th>reviewed</th>"
                        + "<th>rejected</th><th>reject rate</th><th>reasons</th></tr>\n");
        for (RejectReport.Row row : r.rejectReasons()) {
            String label = row.kind() == RejectReport.Kind.CATEGORY
                    ? row.key()
                    : "prompt " + row.key().substring(0, Math.min(12, row.key().length())) + " (" + row.category()
                            + ")";
            StringBuilder reasons = new StringBuilder();
            row.reasons()
                    .forEach((code, n) -> reasons.append(reasons.isEmpty() ? "" : ", ")
                            .append(code)
                            .append(' ')
                            .append(n));
            b.append("<tr><td>")
                    .append(Html.escape(label))
                    .append("</td><td>")
                    .append(DatasetCard.n(row.records()))
                    .append("</td><td>")
                    .append(DatasetCard.n(row.decided()))
                    .append("</td><td>")
                    .append(DatasetCard.n(row.rejected()))
                    .append("</td><td>")
                    .append(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * row.rejectRate()))
                    .append("</td><td>")
                    .append(Html.escape(reasons.isEmpty() ? "-" : reasons.toString()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String signOff(ReviewStats.Batch x) {
        return x.signedOffBy() == null ? "-" : x.signedOffBy() + " at " + x.signedAt();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
