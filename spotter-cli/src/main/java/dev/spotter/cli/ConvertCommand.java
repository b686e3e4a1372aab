package dev.spotter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ConvertFormat;
import dev.spotter.format.Converter;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.TrainOn;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.VoiceReasoning;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter convert}: thin adapter over {@link Converter}. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Validate chat JSONL and convert it to a Llama 3.3 training format, streaming.",
            "messages: {\"messages\":[...]} (Together/OpenAI/Fireworks); llama3-text: {\"text\"} rendered with the",
            "Llama 3.3 Instruct template; prompt-completion: {\"prompt\",\"completion\"} split at the last assistant turn.",
            "Rejected lines go to the quarantine. Exit codes: 0 ok, 1 some lines rejected, 2 usage or I/O error."
        })
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Chat JSONL; - for stdin.")
    String input;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "FORMAT",
            description = "messages | llama3-text | prompt-completion")
    ConvertFormat to;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "OUT",
            description = "Output JSONL (written to OUT.tmp, then moved into place); - for stdout.")
    String output;

    @Option(
            names = {"-q", "--quarantine"},
            paramLabel = "Q.jsonl",
            description = "Where rejected lines go.")
    Path quarantine;

    @Option(
            names = "--train-on",
            defaultValue = "source",
            paramLabel = "source|last|all",
            description = "messages only: weight 1 on the last assistant turn (0 on earlier ones) or on all; "
                    + "source keeps the input's weights (default ${DEFAULT-VALUE}).")
    TrainOn trainOn;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Option(
            names = "--add-reasoning",
            description = "Voice logs: put a one-line 'Reasoning: ...' chain from the "
                    + "voice parser before each assistant JSON label the parser agrees with (docs/areas/voice.md).")
    boolean addReasoning;

    @Mixin
    DataOptions options = new DataOptions();

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Override
    public Integer call() throws Exception {
        ConvertFormat format = to;
        TrainOn t = trainOn;
        if (format == ConvertFormat.PROMPT_COMPLETION && t == TrainOn.LAST) {
            t = TrainOn.SOURCE; // prompt-completion trains the last assistant turn by construction
        }
        CliIo.checkReadable(List.of(input));
        CliIo.noStdout(spec, "--quarantine", quarantine, "-o - may carry the data; give the quarantine a file");
        Converter c = Converter.of(options.validator(CliTokens.llama3()).build(), format, t);
        long[] chains = {0, 0}; // assistant turns given a chain, left as they were
        if (addReasoning) {
            VoiceReasoning vr = new VoiceReasoning(VoiceParser.defaults());
            c = c.withExampleTransform(ex -> {
                VoiceReasoning.Outcome o = vr.addReasoning(ex);
                chains[0] += o.added();
                chains[1] += o.skipped();
                return o.example();
            });
        }
        Converter.Result r;
        boolean stdout;
        try (QuarantineWriter q = quarantine == null ? QuarantineWriter.discarding() : QuarantineWriter.to(quarantine);
                CliIo.AtomicOutput out = new CliIo.AtomicOutput(output);
                ProgressRenderer shown = progress.renderer(spec, false);
                InputStream in = CliIo.open(input, "convert", shown.listener())) {
            r = c.convert(in, input, out.stream(), q);
            if (r.summary().read() == 0) {
                // as validate: an empty input is a failure (platforms refuse an empty file); none is written
                spec.commandLine()
                        .getErr()
                        .printf(
                                "spotter convert: %s is empty (no records; platforms refuse an empty file): %s not"
                                        + " written%n",
                                input, output);
                spec.commandLine().getErr().flush();
                return ExitCodes.REJECTS;
            }
            out.commit();
            stdout = out.isStdout();
        }
        // With -o -, stdout carries the data: the summary goes to stderr.
        PrintWriter report =
                stdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (json) {
            ObjectNode o = SummaryPrinter.json(r.summary());
            o.put("written", r.written()).put("format", format.cliName()).put("output", output);
            if (addReasoning) {
                o.put("reasoning_added", chains[0]).put("reasoning_skipped", chains[1]);
            }
            if (quarantine != null) {
                o.put("quarantine", quarantine.toString());
            }
            report.println(o);
        } else {
            SummaryPrinter.text(report, r.summary());
            report.printf("wrote %,d %s examples to %s%n", r.written(), format.cliName(), output);
            if (addReasoning) {
                report.printf(
                        "reasoning: added to %,d assistant turns; %,d left without (parser disagrees with the"
                                + " label, or not a voice label)%n",
                        chains[0], chains[1]);
            }
            if (quarantine == null && r.summary().rejected() > 0) {
                report.printf(
                        "the %,d rejected lines were not kept (give -q FILE to keep them)%n",
                        r.summary().rejected());
            }
            if (quarantine != null && r.summary().rejected() > 0) {
                report.printf(
                        "quarantine: %s (%,d records)%n",
                        quarantine, r.summary().rejected());
            }
        }
        report.flush();
        return r.summary().rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTS;
    }
}
