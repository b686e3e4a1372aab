package dev.spotter.cli;

import dev.spotter.format.ChatJson;
import dev.spotter.kernel.ProgressEvent;
import dev.spotter.kernel.ProgressListener;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.synth.SynthPreset;
import dev.spotter.voice.synth.VoiceSynth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spotter synth-voice}: correctly-labelled synthetic voice-log chat examples. */
@Command(
        name = "synth-voice",
        mixinStandardHelpOptions = true,
        description = {
            "Generate voice-logging chat JSONL whose labels are right by construction and checked by a"
                    + " parse round-trip; deterministic for a seed.",
            "Preset running-150: the brief's 150 running/cardio voice examples (--kind cardio --count 150);"
                    + " presets strength, cardio and mixed: 100 of that kind."
        })
public final class SynthVoiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", description = "examples to write (default 100, or the preset's)")
    Integer count;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--kind", paramLabel = "strength|cardio|mixed", description = "default mixed, or the preset's")
    String kind;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description = "running-150 (150 cardio), strength, cardio or mixed (100 each)")
    String preset;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            required = true,
            description = "output JSONL file; - for stdout (the summary then goes to stderr)")
    String out;

    @picocli.CommandLine.Mixin
    ProgressOptions progress = new ProgressOptions();

    @Override
    public Integer call() throws IOException {
        int n = 100;
        VoiceSynth.Kind k = VoiceSynth.Kind.MIXED;
        if (preset != null) {
            SynthPreset p = SynthPreset.fromWire(preset)
                    .orElseThrow(() -> SpotterCli.usage(
                            spec,
                            "unknown --preset '" + preset + "' (known: " + String.join(", ", SynthPreset.names())
                                    + ")"));
            n = p.defaultCount();
            k = p.kind();
        }
        if (count != null) {
            if (count < 0) {
                throw SpotterCli.usage(spec, "--count must be >= 0, was " + count);
            }
            n = count;
        }
        if (kind != null) {
            k = switch (kind) {
                case "strength" -> VoiceSynth.Kind.STRENGTH;
                case "cardio" -> VoiceSynth.Kind.CARDIO;
                case "mixed" -> VoiceSynth.Kind.MIXED;
                default -> throw SpotterCli.usage(spec, "--kind must be strength, cardio or mixed, was '" + kind + "'");
            };
        }
        VoiceSynth.Stats st;
        long[] written = {0};
        int total = n;
        try (ProgressRenderer shown = progress.renderer(spec, false);
                CliIo.AtomicOutput w = new CliIo.AtomicOutput(out)) {
            java.io.OutputStream os = w.stream();
            ProgressListener l = shown.listener();
            st = new VoiceSynth(VoiceParser.defaults()).generate(n, seed, k, ex -> {
                try {
                    os.write((ChatJson.toJsonLine(ex) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++written[0] % 1000 == 0) {
                    l.update(ProgressEvent.counting("synth-voice " + out, "examples", written[0], total, false));
                }
            });
            w.commit();
            l.update(ProgressEvent.counting("synth-voice " + out, "examples", written[0], total, true));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // with -o -, stdout carries the data: the summary goes to stderr
        java.io.PrintWriter report = CliIo.report(spec, out);
        report.println("synth-voice " + (out.equals("-") ? "stdout" : out) + ": " + st);
        report.flush();
        return ExitCodes.OK;
    }
}
