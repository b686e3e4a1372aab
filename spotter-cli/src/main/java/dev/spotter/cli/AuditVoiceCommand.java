package dev.spotter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.FileException;
import dev.spotter.voice.VoiceAudit;
import dev.spotter.voice.VoiceParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spotter audit-voice FILE}: parser vs. assistant label, per field. Exit 0 when every comparable field
 * agrees, 1 when any disagreement exists (a check that found something to review), 2 for unreadable input.
 */
@Command(
        name = "audit-voice",
        mixinStandardHelpOptions = true,
        description = {
            "Audit voice-log labels: parse each user utterance and compare with the assistant's JSON.",
            "Only the lines spotter validate accepts are audited; the others are counted and left out.",
            "Exit 0: all comparable fields agree; 1: disagreements listed, or nothing to audit (an empty file, no voice"
                    + " example); 2: unreadable input."
        })
public final class AuditVoiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "chat JSONL with voice-log examples")
    Path file;

    @Option(names = "--json", description = "print the report as one JSON object")
    boolean json;

    @Option(
            names = "--max-listed",
            paramLabel = "N",
            defaultValue = "200",
            description = "disagreements to list (all are counted; default ${DEFAULT-VALUE})")
    int maxListed;

    @Mixin
    DataOptions options = new DataOptions();

    @Override
    public Integer call() throws IOException {
        FileException.requireReadableFile(file);
        VoiceAudit.Report r;
        // validate's definition of a valid example decides what is audited (and numbers the lines)
        try (InputStream in = Files.newInputStream(file)) {
            r = new VoiceAudit(VoiceParser.defaults(), maxListed)
                    .audit(options.validator(CliTokens.llama3()).build(), in, file.toString());
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode o = m.createObjectNode();
            o.put("file", file.toString());
            o.put("lines_read", r.linesRead);
            o.put("invalid_lines", r.invalidLines());
            o.set("validation", SummaryPrinter.json(r.validation));
            o.put("lines_audited", r.linesAudited);
            o.put("turns_compared", r.turnsCompared);
            ObjectNode sk = o.putObject("skipped");
            r.skipped.forEach(sk::put);
            ObjectNode f = o.putObject("fields");
            for (Map.Entry<String, long[]> e : r.fields.entrySet()) {
                ObjectNode fo = f.putObject(e.getKey());
                fo.put("agree", e.getValue()[0]);
                fo.put("comparable", e.getValue()[1]);
                double p = r.percent(e.getKey());
                if (Double.isNaN(p)) {
                    fo.putNull("percent");
                } else {
                    fo.put("percent", Math.round(p * 100) / 100.0);
                }
            }
            o.put("summary", r.summaryLine());
            o.put("disagreement_count", r.disagreementCount);
            ArrayNode d = o.putArray("disagreements");
            for (VoiceAudit.Disagreement x : r.disagreements) {
                ObjectNode xo = d.addObject();
                xo.put("where", x.where());
                xo.put("field", x.field());
                xo.put("label", x.label());
                xo.put("parser", x.parser());
                xo.put("utterance", x.utterance());
            }
            out.println(o.toString());
        } else {
            out.printf(
                    "audit-voice %s: %d lines read, %d audited, %d skipped; %d turns compared%n",
                    file, r.linesRead, r.linesAudited, r.skippedTotal(), r.turnsCompared);
            if (r.invalidLines() > 0) {
                out.println("  " + SummaryPrinter.leftOut(r.validation));
            }
            r.skipped.forEach((k, v) -> out.printf("  skipped %d: %s%n", v, k));
            out.println("agreement: " + r.summaryLine());
            for (Map.Entry<String, long[]> e : r.fields.entrySet()) {
                out.printf("  %-10s %d/%d comparable agree%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
            out.printf(
                    "disagreements: %d%s%n",
                    r.disagreementCount,
                    r.disagreementCount > r.disagreements.size()
                            ? " (first " + r.disagreements.size() + " listed)"
                            : "");
            for (VoiceAudit.Disagreement x : r.disagreements) {
                out.printf(
                        "  %s  %s  label=%s  parser=%s  \"%s\"%n",
                        x.where(), x.field(), x.label(), x.parser(), x.utterance());
            }
        }
        out.flush();
        if (r.linesAudited == 0) {
            // nothing audited is not "all labels agree": a check that could read nothing fails (like validate)
            PrintWriter err = spec.commandLine().getErr();
            err.println("spotter audit-voice: nothing audited in " + file + ": "
                    + (r.linesRead == 0
                            ? "empty file"
                            : "none of its " + r.linesRead + " lines is a valid voice example with a JSON label"
                                    + " (see the invalid and skipped counts)"));
            err.flush();
            return ExitCodes.REJECTS;
        }
        return r.disagreementCount > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
    }
}
