package dev.spotter.assemble;

import dev.spotter.assemble.report.DatasetCard;
import dev.spotter.assemble.report.HtmlReport;
import dev.spotter.assemble.report.ReportSamples;
import dev.spotter.assemble.report.ReviewSection;
import dev.spotter.eval.EvalReports;
import dev.spotter.kernel.Html;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Step 7: {@code summary.json}, the dataset card ({@link DatasetCard}) and report.html ({@link HtmlReport}), all
 * rendered from the {@link BuildSummary}; the report also shows bounded samples of the data ({@link ReportSampler}). The report ends with the eval area's section when an eval result exists
 * at spotter.yaml's {@code eval:} path (default {@code <out>/eval/eval.json}); its content hash is part of the key,
 * so a new eval re-renders the report.
 */
final class ReportStep {
    /** Version of what {@link ReportSampler} reads into the page: part of the key. */
    private static final String SAMPLES = "samples-2";

    private ReportStep() {}

    static Step<ReportStats> run(BuildContext b, BuildSummary summary) {
        DatasetLayout l = b.layout();
        String text = summary.toJson();
        Path evalFile = b.project().evalFile(l.dir());
        boolean hasEval = Files.isRegularFile(evalFile);
        String evalKey = hasEval ? Jsonl.sha256(evalFile) : "none";
        String key = StepRunner.key("report", BuildContext.ALGO, SAMPLES, text, l.relative(evalFile), evalKey);
        List<Path> outputs = List.of(l.summary(), l.card(), l.report());
        return b.runner().cached("report", key, outputs, ReportStats.class, () -> {
            String section = ReviewSection.html(summary)
                    + (hasEval ? evalSection(evalFile) : noEvalSection(l.relative(evalFile)));
            Jsonl.write(l.summary(), text.getBytes(StandardCharsets.UTF_8));
            String card = DatasetCard.render(summary) + ReviewSection.markdown(summary);
            Jsonl.write(l.card(), card.getBytes(StandardCharsets.UTF_8));
            ReportSamples data = new ReportSampler(l, b.tokens().textCounter()).sample(summary.output());
            Jsonl.write(l.report(), HtmlReport.render(summary, data, section).getBytes(StandardCharsets.UTF_8));
            return new ReportStats(hasEval ? l.relative(evalFile) : null);
        });
    }

    private static String evalSection(Path evalFile) {
        try {
            return EvalReports.htmlFragment(EvalReports.read(evalFile));
        } catch (RuntimeException e) {
            // a broken eval file must not hide the build report: say why instead
            return "<section><h2>Evaluation</h2><p class=\"bad\">"
                    + Html.escape(evalFile + ": cannot read: " + e.getMessage()) + "</p></section>\n";
        }
    }

    private static String noEvalSection(String where) {
        return "<section><h2>Evaluation</h2><p class=\"note\">No evaluation result at <code>" + Html.escape(where)
                + "</code>: run <code>spotter eval --project ...</code> after training (writes eval.json), or set"
                + " <code>eval:</code> in spotter.yaml.</p></section>\n";
    }
}
