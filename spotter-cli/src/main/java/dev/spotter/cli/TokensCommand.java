package dev.spotter.cli;

import dev.spotter.FileException;
import dev.spotter.tokenizer.Llama3Tokenizer;
import dev.spotter.tokenizer.TokenLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter tokens}: Llama 3.x token ids and counts (thin adapter over {@link Llama3Tokenizer}). */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description = {
            "Tokenizes text with the exact Llama 3.x tokenizer (Llama 3.3 uses it unchanged); no BOS is added.",
            "%nWithout --jsonl: tokenizes TEXT (or all of stdin) and prints {\"ids\":[...],\"count\":N}.",
            "%nWith --jsonl: reads JSON lines with a \"text\" field from --input or stdin and prints one {\"ids\":[...],\"count\":N} line per input line, in order. A line without a string \"text\" prints {\"error\":\"...\",\"line\":N} instead, and the exit code is then 1.",
            "%nSpecial-token strings such as <|eot_id|> are ordinary text unless --rendered is given.%n",
        },
        footer = {"", "Exit codes: 0 ok, 1 some lines were errors, 2 usage or I/O error."})
public final class TokensCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--jsonl", description = "Read JSON lines with a \"text\" field (or \"ids\" with --decode).")
    boolean jsonl;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Input file for --jsonl (default: stdin; '-' is stdin).")
    String input;

    @Option(
            names = "--rendered",
            description = "Input is Spotter-rendered template text: map the 256 special-token strings to their ids.")
    boolean rendered;

    @Option(
            names = "--decode",
            description =
                    "Reverse: ids → text. TEXT is ids separated by commas or spaces; with --jsonl each line has \"ids\"; prints {\"text\":...}.")
    boolean decode;

    @Option(names = "--count-only", description = "Print only {\"count\":N} (skips building the id list).")
    boolean countOnly;

    @Parameters(
            arity = "0..1",
            paramLabel = "TEXT",
            description = "Text to tokenize (without --jsonl). Default: all of stdin.")
    String text;

    /** Replaced in tests. */
    InputStream stdin = System.in;

    /** Replaced in tests. */
    int maxLineBytes = TokenLines.DEFAULT_MAX_LINE_BYTES;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (jsonl && text != null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "give either TEXT or --jsonl, not both");
        }
        if (!jsonl && input != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--input is only used with --jsonl");
        }
        TokenLines lines = TokenLines.builder()
                .rendered(rendered)
                .decode(decode)
                .countOnly(countOnly)
                .maxLineBytes(maxLineBytes)
                .build();
        if (!jsonl) {
            String s = text != null ? text : new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            try {
                out.println(lines.text(s));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            out.flush();
            return ExitCodes.OK;
        }
        String source = input == null || input.equals("-") ? "stdin" : input;
        TokenLines.Result r;
        try (InputStream in = input == null || input.equals("-") ? stdin : open(Path.of(input))) {
            r = lines.run(in, out);
        } catch (java.io.UncheckedIOException e) {
            throw FileException.reading(Path.of(source), e.getCause());
        }
        out.flush();
        if (r.errors() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("spotter tokens: " + r.errors() + " of " + r.lines() + " lines in " + source + " had errors");
            err.flush();
            return ExitCodes.REJECTS;
        }
        return ExitCodes.OK;
    }

    private static InputStream open(Path path) {
        FileException.requireReadableFile(path);
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw FileException.reading(path, e);
        }
    }
}
