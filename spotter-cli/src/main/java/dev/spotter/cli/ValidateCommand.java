package dev.spotter.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.Spotter;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.RejectReason;
import dev.spotter.format.ValidationReport;
import dev.spotter.format.ValidationSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter validate}: thin adapter over {@link ChatValidator}. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate chat JSONL ({\"messages\":[...]}) for Llama 3.3 fine-tuning.",
            "Every line is accepted or rejected with a reason code (see docs/areas/foundation.md).",
            "Exit codes: 0 nothing rejected, 1 something rejected or an input is empty, 2 usage or I/O error."
        })
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Chat JSONL files; - for stdin.")
    List<String> files = List.of();

    @Option(names = "--list-reasons", description = "Print every reject reason code with its meaning and exit.")
    boolean listReasons;

    @Option(
            names = {"-q", "--quarantine"},
            paramLabel = "Q.jsonl",
            description = "Write each rejected line verbatim with file, line, reason and detail; - for stdout (the"
                    + " summary then goes to stderr).")
    Path quarantine;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Mixin
    DataOptions options = new DataOptions();

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Override
    public Integer call() throws Exception {
        if (listReasons) {
            for (RejectReason r : RejectReason.values()) {
                spec.commandLine().getOut().printf("%-34s %s%n", r.code(), r.explanation());
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        CliIo.checkReadable(files);
        ChatValidator v = options.validator(CliTokens.llama3()).build();
        boolean qToStdout = quarantine != null && quarantine.toString().equals("-");
        PrintWriter out =
                qToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        List<Spotter.Input> inputs = new java.util.ArrayList<>();
        for (String f : files) {
            inputs.add(f.equals("-") ? Spotter.Input.of("-", System.in) : Spotter.Input.of(Path.of(f)));
        }
        ValidationReport report;
        try (ProgressRenderer shown = progress.renderer(spec, false);
                CliIo.FileOrStdout q = quarantine == null ? null : new CliIo.FileOrStdout(quarantine)) {
            report = CliEnv.spotter(spec, shown.listener())
                    .validateInputs(v, inputs, q == null ? null : q.path(), options.maxErrors);
            if (q != null) {
                q.finish();
            }
        }
        ValidationSummary total = report.total();
        List<String> empty = report.emptyFiles();
        ArrayNode perFile = SummaryPrinter.JSON.createArrayNode();
        for (ValidationReport.FileResult fr : report.files()) {
            ValidationSummary s = fr.summary();
            if (json) {
                perFile.addObject()
                        .put("file", fr.name())
                        .put("read", s.read())
                        .put("accepted", s.accepted())
                        .put("rejected", s.rejected());
            } else if (files.size() > 1) {
                out.printf(
                        "%s: read %,d, accepted %,d, rejected %,d%n", fr.name(), s.read(), s.accepted(), s.rejected());
            }
        }
        if (json) {
            ObjectNode o = SummaryPrinter.json(total);
            o.set("files", perFile);
            o.put("token_limit", options.tokenLimit);
            ArrayNode e = o.putArray("empty_files");
            empty.forEach(e::add);
            if (quarantine != null) {
                o.put("quarantine", quarantine.toString());
            }
            out.println(o);
        } else {
            if (files.size() > 1) {
                out.print("total: ");
            }
            SummaryPrinter.text(out, total);
            if (quarantine != null && total.rejected() > 0) {
                out.printf("quarantine: %s (%,d records)%n", quarantine, total.rejected());
            }
            for (String f : empty) {
                out.printf("%s: empty file (no records; platforms refuse it)%n", f);
            }
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.REJECTS;
    }
}
