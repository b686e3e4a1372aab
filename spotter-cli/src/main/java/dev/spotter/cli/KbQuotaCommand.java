package dev.spotter.cli;

import dev.spotter.kb.KbPlanning;
import dev.spotter.kb.QuotaPolicy;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spotter kb quota}: how many examples each chunk must yield, and what the lint found. */
@Command(
        name = "quota",
        mixinStandardHelpOptions = true,
        description = {
            "Show how many examples each chunk must yield (the brief's per-category ranges, spread over the chunks),"
                    + " the chunks left out (no or unknown category, duplicate content) and the lint findings."
        })
final class KbQuotaCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    KbCommand.ChunksOption chunks;

    @CommandLine.Mixin
    KbCommand.SourceOptions src;

    @CommandLine.Mixin
    KbCommand.PlanOptions plan;

    @Override
    public Integer call() {
        KbPlanning p = KbCommand.plan(spec, src, chunks, plan);
        var out = spec.commandLine().getOut();
        out.printf("%-38s %-26s %7s %6s %5s  %s%n", "chunk", "category", "min-max", "target", "multi", "title");
        for (QuotaPolicy.ChunkQuota q : p.quotas()) {
            out.printf(
                    Locale.ROOT,
                    "%-38s %-26s %7s %6d %5d  %s%n",
                    q.chunk().id(),
                    q.category().name(),
                    q.min() + "-" + q.max(),
                    q.target(),
                    q.multiTurn(),
                    q.chunk().title());
        }
        out.printf(
                "%d chunks, %d examples to generate%n",
                p.quotas().size(), p.allocation().total());
        out.print(p.lint().text(20));
        out.flush();
        return ExitCodes.OK;
    }
}
