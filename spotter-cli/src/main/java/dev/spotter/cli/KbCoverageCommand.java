package dev.spotter.cli;

import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.kb.GroundingChecker;
import dev.spotter.kb.KbCoverage;
import dev.spotter.kb.KbPlanning;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Sidecars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spotter kb coverage}: generated examples against their chunks (grounding, quotas, changed chunks). */
@Command(
        name = "coverage",
        mixinStandardHelpOptions = true,
        description = {
            "Check generated examples against their chunks: grounding (content-word and bigram overlap,"
                    + " numbers backed by the chunk), per-chunk quotas, and examples whose chunk changed since they"
                    + " were generated (stale). Exit 1 when a chunk is under its minimum or an example was rejected."
        })
final class KbCoverageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXAMPLES.jsonl", description = "Chat JSONL generated from the chunks.")
    Path examples;

    @CommandLine.Mixin
    KbCommand.ChunksOption chunks;

    @CommandLine.Mixin
    KbCommand.SourceOptions src;

    @CommandLine.Mixin
    KbCommand.PlanOptions plan;

    @Option(
            names = "--provenance",
            paramLabel = "FILE",
            description = "Provenance sidecar (line N describes example N; chunk id in attributes.source_id)."
                    + " Default: EXAMPLES.provenance.jsonl when it exists.")
    Path provenance;

    @Option(
            names = {"-o", "--grounded"},
            paramLabel = "FILE",
            description = "Write the accepted examples here; - for stdout (the table then goes to stderr).")
    Path grounded;

    @Option(
            names = "--quarantine",
            paramLabel = "FILE",
            description = "Rejected examples with reasons (default: EXAMPLES with .kb-rejects.jsonl).")
    Path quarantine;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the per-chunk report as JSON.")
    Path report;

    @Option(
            names = "--min-score",
            defaultValue = "0.55",
            paramLabel = "S",
            description = "Grounding threshold, 0..1 (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Override
    public Integer call() throws IOException {
        FileException.requireReadableFile(examples);
        Path prov = provenance;
        if (prov == null && Files.isRegularFile(Sidecars.provenance(examples))) {
            prov = Sidecars.provenance(examples);
        }
        GroundingChecker checker;
        try {
            checker = GroundingChecker.builder().minScore(minScore).build();
        } catch (ConfigurationException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        KbPlanning p = KbCommand.plan(spec, src, chunks, plan);
        Path q = quarantine != null ? quarantine : Sidecars.of(examples, ".kb-rejects.jsonl");
        KbCoverage.Report r;
        boolean toStdout = grounded != null && grounded.toString().equals("-");
        try (CliIo.FileOrStdout target = grounded == null ? null : new CliIo.FileOrStdout(grounded)) {
            r = new KbCoverage(p.quotas(), checker).check(examples, prov, target == null ? null : target.path(), q);
            if (target != null) {
                target.finish();
            }
        }
        var out = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        out.print(KbCoverage.table(r));
        if (report != null) {
            AtomicFile.write(report, KbCoverage.json(r));
        }
        if (r.rejected() > 0) {
            out.println("rejects: " + q);
        }
        out.flush();
        return r.ok() && r.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTS;
    }
}
