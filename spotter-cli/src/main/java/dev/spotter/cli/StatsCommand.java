package dev.spotter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.TokenCounter;
import dev.spotter.format.ValidationSummary;
import dev.spotter.report.DatasetStats;
import dev.spotter.report.IntHistogram;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter stats}: thin adapter over {@link DatasetStats}. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Dataset statistics over the valid examples of chat JSONL: messages per example, total and",
            "assistant (trainable) Llama 3 tokens (min/p10/median/p90/max, nearest rank), examples missing a",
            "system or user message. Only the lines spotter validate accepts are analysed (an example over",
            "--token-limit is invalid); the others are counted and left out, with their reasons.",
            "Exit codes: 0 ok (even with invalid lines: use validate to gate), 1 no valid example, 2 usage or I/O error."
        })
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Chat JSONL; - for stdin.")
    String input;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Mixin
    DataOptions options = new DataOptions();

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Override
    public Integer call() throws Exception {
        CliIo.checkReadable(List.of(input));
        TokenCounter counter = CliTokens.llama3();
        // validate's definition of a valid example (token limit included): stats describes what would ship
        ChatValidator v = options.validator(counter).build();
        DatasetStats stats = new DatasetStats(counter, options.tokenLimit);
        ValidationSummary s;
        try (ProgressRenderer shown = progress.renderer(spec, false);
                InputStream in = CliIo.open(input, "stats", shown.listener())) {
            s = v.validate(in, input, stats, QuarantineWriter.discarding());
        }
        DatasetStats.StatsReport r = stats.report(s);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(r));
        } else {
            out.printf(
                    "%s: %,d valid examples (%,d lines read%s)%n",
                    input, r.examples(), s.read(), s.rejected() == 0 ? "" : "; " + SummaryPrinter.leftOut(s));
            out.printf(
                    "%-28s %8s %8s %8s %8s %8s %10s %14s%n", "", "min", "p10", "median", "p90", "max", "mean", "total");
            row(out, "messages per example", r.messagesPerExample());
            row(out, "tokens per example", r.totalTokens());
            row(out, "assistant tokens (trained)", r.assistantTokens());
            out.printf("examples missing a system message: %,d%n", r.missingSystem());
            out.printf("examples missing a user message:   %,d%n", r.missingUser());
            out.printf(
                    "examples over %,d tokens:        %,d (left out as over_token_limit)%n",
                    r.tokenLimit(), s.count(dev.spotter.format.RejectReason.OVER_TOKEN_LIMIT));
        }
        out.flush();
        if (r.examples() == 0) {
            // statistics of nothing: an empty file, or none of its lines is a valid chat example
            spec.commandLine()
                    .getErr()
                    .printf("spotter stats: no valid chat example in %s (%,d lines read)%n", input, s.read());
            spec.commandLine().getErr().flush();
            return ExitCodes.REJECTS;
        }
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, String name, IntHistogram.Summary s) {
        out.printf(
                "%-28s %8d %8d %8d %8d %8d %10.1f %,14d%n",
                name, s.min(), s.p10(), s.median(), s.p90(), s.max(), s.mean(), s.total());
    }

    static ObjectNode toJson(DatasetStats.StatsReport r) {
        ObjectNode o = SummaryPrinter.JSON.createObjectNode();
        o.put("examples", r.examples());
        o.set("validation", SummaryPrinter.json(r.validation()));
        o.set("messages_per_example", dist(r.messagesPerExample()));
        o.set("total_tokens", dist(r.totalTokens()));
        o.set("assistant_tokens", dist(r.assistantTokens()));
        o.put("missing_system", r.missingSystem());
        o.put("missing_user", r.missingUser());
        o.put("token_limit", r.tokenLimit());
        // over-limit examples are invalid (as validate says), so they are counted among the lines left out
        o.put("over_limit", r.validation().count(dev.spotter.format.RejectReason.OVER_TOKEN_LIMIT));
        return o;
    }

    private static ObjectNode dist(IntHistogram.Summary s) {
        ObjectNode o = SummaryPrinter.JSON.createObjectNode();
        o.put("min", s.min())
                .put("p10", s.p10())
                .put("median", s.median())
                .put("p90", s.p90())
                .put("max", s.max())
                .put("mean", Math.round(s.mean() * 10) / 10.0)
                .put("total", s.total());
        return o;
    }
}
