package dev.spotter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.spotter.format.LineReader;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** Longest accepted input line in --jsonl mode; a longer one is an error line (memory stays bounded). */
    static final int MAX_LINE_BYTES = 64 << 20;

    /** Replaced in tests. */
    InputStream stdin = System.in;

    /** Replaced in tests. */
    int maxLineBytes = MAX_LINE_BYTES;

    private final Llama3Tokenizer tok = Llama3Tokenizer.shared();
    private final JsonFactory json = new JsonFactory();

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
        try {
            if (!jsonl) {
                String s = text != null ? text : new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
                StringBuilder sb = new StringBuilder();
                if (decode) {
                    appendDecoded(sb, parseIds(s));
                } else {
                    appendEncoded(sb, s);
                }
                out.print(sb.append('\n'));
                out.flush();
                return ExitCodes.OK;
            }
            return runJsonl(out);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int runJsonl(PrintWriter out) throws IOException {
        String source = input == null || input.equals("-") ? "stdin" : input;
        long lineNo = 0;
        long errors = 0;
        try (InputStream raw = input == null || input.equals("-") ? stdin : openFile(input)) {
            LineReader lines = new LineReader(raw, maxLineBytes);
            StringBuilder sb = new StringBuilder(4096);
            while (lines.next()) {
                lineNo++;
                sb.setLength(0);
                String error = lines.tooLong()
                        ? "line longer than " + maxLineBytes + " bytes"
                        : handleLine(lines.bytes(), lines.length(), sb);
                if (error != null) {
                    errors++;
                    sb.setLength(0);
                    sb.append("{\"error\":\"");
                    sb.append(JsonStringEncoder.getInstance().quoteAsString(error));
                    sb.append("\",\"line\":").append(lineNo).append('}');
                }
                out.append(sb).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + source + " (after line " + lineNo + "): " + e.getMessage(), e);
        }
        out.flush();
        if (errors > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("spotter tokens: " + errors + " of " + lineNo + " lines in " + source + " had errors");
            err.flush();
            return ExitCodes.REJECTS;
        }
        return ExitCodes.OK;
    }

    private static InputStream openFile(String path) {
        try {
            return Files.newInputStream(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e, e);
        }
    }

    /** Appends the output for one input line, or returns an error reason. */
    private String handleLine(byte[] line, int length, StringBuilder sb) {
        String s;
        try {
            s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return "invalid UTF-8";
        }
        if (s.isBlank()) {
            return "blank line";
        }
        String field = decode ? "ids" : "text";
        try (JsonParser p = json.createParser(s)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            String value = null;
            List<Integer> ids = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!name.equals(field)) {
                    p.skipChildren();
                    continue;
                }
                if (decode) {
                    if (v != JsonToken.START_ARRAY) {
                        return "\"ids\" is not an array";
                    }
                    ids = new ArrayList<>();
                    while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                        ids.add(p.getIntValue());
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        return "\"ids\" must hold integers only";
                    }
                } else {
                    if (v != JsonToken.VALUE_STRING) {
                        return "\"text\" is not a string";
                    }
                    value = p.getText();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return "invalid JSON: trailing content";
            }
            if (decode) {
                if (ids == null) {
                    return "no \"ids\" field";
                }
                appendDecoded(sb, ids.stream().mapToInt(Integer::intValue).toArray());
            } else {
                if (value == null) {
                    return "no \"text\" field";
                }
                appendEncoded(sb, value);
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "invalid JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            return "invalid JSON: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void appendEncoded(StringBuilder sb, String s) {
        if (countOnly) {
            sb.append("{\"count\":")
                    .append(rendered ? tok.countRendered(s) : tok.count(s))
                    .append('}');
            return;
        }
        int[] ids = rendered ? tok.encodeRendered(s) : tok.encode(s);
        sb.append("{\"ids\":[");
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ids[i]);
        }
        sb.append("],\"count\":").append(ids.length).append('}');
    }

    private void appendDecoded(StringBuilder sb, int[] ids) {
        sb.append("{\"text\":\"")
                .append(JsonStringEncoder.getInstance().quoteAsString(tok.decode(ids)))
                .append("\"}");
    }

    private static int[] parseIds(String s) {
        String trimmed = s.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        if (trimmed.isBlank()) {
            return new int[0];
        }
        String[] parts = trimmed.split("[,\\s]+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a token id: '" + parts[i] + "'");
            }
        }
        return ids;
    }
}
