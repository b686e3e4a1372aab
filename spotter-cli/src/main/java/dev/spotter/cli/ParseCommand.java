package dev.spotter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.ConfigurationException;
import dev.spotter.voice.StrengthSet;
import dev.spotter.voice.VoiceContext;
import dev.spotter.voice.VoiceLabel;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.VoiceResult;
import dev.spotter.voice.WeightUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter parse}: one utterance, or JSONL on stdin, to voice-contract JSON. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Parse a spoken workout log into the voice contract JSON.",
            "With --jsonl: reads {\"text\":...,\"context\":{...}|null} lines on stdin and writes one contract object"
                    + " per line, same order; a bad line gives an unparsed object with the reason."
        })
public final class ParseCommand implements Callable<Integer> {
    private static final ObjectMapper M = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "the utterance")
    String text;

    @Option(names = "--context", paramLabel = "JSON", description = "previous set (contract or legacy label JSON)")
    String context;

    @Option(names = "--jsonl", description = "read JSONL from stdin, write JSONL to stdout")
    boolean jsonl;

    @Option(
            names = "--unit",
            paramLabel = "lb|kg",
            description = "unit when none is said (default: ${DEFAULT-VALUE})",
            defaultValue = "lb")
    String unit;

    @Option(names = "--trace", description = "also print the parser's decisions (single-utterance mode) to stderr")
    boolean trace;

    @Override
    public Integer call() throws IOException {
        WeightUnit u = WeightUnit.fromWire(unit)
                .orElseThrow(() -> SpotterCli.usage(spec, "--unit must be lb or kg, was '" + unit + "'"));
        VoiceParser parser = VoiceParser.builder().defaultWeightUnit(u).build();
        PrintWriter out = spec.commandLine().getOut();
        if (jsonl) {
            if (text != null) {
                throw SpotterCli.usage(spec, "give TEXT or --jsonl, not both");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                out.println(parseLine(parser, line, u));
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (text == null) {
            throw SpotterCli.usage(spec, "give TEXT to parse, or --jsonl to read stdin");
        }
        VoiceContext ctx = context == null ? VoiceContext.NONE : contextOf(parser, M.readTree(context), u);
        VoiceResult r = parser.parse(text, ctx);
        out.println(r.toJson());
        if (trace) {
            r.trace().forEach(t -> spec.commandLine().getErr().println("  " + t));
        }
        out.flush();
        return r.type().equals("unparsed") ? ExitCodes.REJECTS : ExitCodes.OK;
    }

    /** One JSONL line to one output line; never throws, so no input line is skipped. */
    static String parseLine(VoiceParser parser, String line, WeightUnit u) {
        try {
            JsonNode n = M.readTree(line);
            if (n == null
                    || !n.isObject()
                    || !n.hasNonNull("text")
                    || !n.get("text").isTextual()) {
                return unparsed("input line has no \"text\" string");
            }
            VoiceContext ctx = n.hasNonNull("context") ? contextOf(parser, n.get("context"), u) : VoiceContext.NONE;
            return parser.parse(n.get("text").asText(), ctx).toJson();
        } catch (IOException e) {
            return unparsed("input line is not JSON");
        } catch (IllegalArgumentException | ConfigurationException e) {
            return unparsed("bad context: " + e.getMessage());
        } catch (RuntimeException e) {
            // a parser bug must not drop or stop the line stream; the reason names it for a bug report
            return unparsed("parser error: " + e);
        }
    }

    private static String unparsed(String reason) {
        return dev.spotter.voice.Unparsed.of(reason).toJson();
    }

    private static VoiceContext contextOf(VoiceParser parser, JsonNode n, WeightUnit u) {
        StrengthSet s = VoiceLabel.from(n, parser.catalog())
                .toContext(u)
                .orElseThrow(() -> new ConfigurationException("context names no catalog exercise"));
        return VoiceContext.of(s);
    }
}
