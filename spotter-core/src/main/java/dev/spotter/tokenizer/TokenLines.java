package dev.spotter.tokenizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.spotter.ConfigurationException;
import dev.spotter.format.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Lines protocol of {@code spotter tokens --jsonl}: one input line {@code {"text":"..."}} (or
 * {@code {"ids":[...]}} when decoding) gives exactly one output line {@code {"ids":[...],"count":N}} (or
 * {@code {"count":N}}, or {@code {"text":"..."}}), in order, so a caller can zip inputs and outputs. A line that
 * cannot be used (not UTF-8, blank, not a JSON object, no such field, over the length limit) gives
 * {@code {"error":"reason","line":N}} in its place: no line is ever skipped, and memory is bounded by the longest
 * accepted line.
 *
 * <pre>{@code
 * TokenLines.Result r = TokenLines.builder().countOnly(true).build().run(in, out);
 * // r.lines() input lines, r.errors() of them error lines
 * }</pre>
 */
public final class TokenLines {
    /** Longest accepted input line by default; a longer one is an error line. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

    private final Llama3Tokenizer tok;
    private final boolean rendered;
    private final boolean decode;
    private final boolean countOnly;
    private final int maxLineBytes;
    private final JsonFactory json = new JsonFactory();

    private TokenLines(Builder b) {
        this.tok = Llama3Tokenizer.shared();
        this.rendered = b.rendered;
        this.decode = b.decode;
        this.countOnly = b.countOnly;
        this.maxLineBytes = b.maxLineBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Lines read and how many of them became error lines. */
    public record Result(long lines, long errors) {}

    /**
     * Reads {@code in} to its end (not closed) and appends one output line per input line to {@code out}.
     *
     * @throws UncheckedIOException when reading or writing fails (the message says after which line)
     */
    public Result run(InputStream in, Appendable out) {
        long lineNo = 0;
        long errors = 0;
        try {
            LineReader lines = new LineReader(in, maxLineBytes);
            StringBuilder sb = new StringBuilder(4096);
            while (lines.next()) {
                lineNo++;
                sb.setLength(0);
                String error = lines.tooLong()
                        ? "line longer than " + maxLineBytes + " bytes"
                        : line(lines.bytes(), lines.length(), sb);
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
            throw new UncheckedIOException("after line " + lineNo + ": " + e.getMessage(), e);
        }
        return new Result(lineNo, errors);
    }

    /** The output line for plain text (no JSON around the input), as {@code spotter tokens TEXT} prints it. */
    public String text(String s) {
        StringBuilder sb = new StringBuilder();
        if (decode) {
            appendDecoded(sb, parseIds(s));
        } else {
            appendEncoded(sb, s);
        }
        return sb.toString();
    }

    /** Appends the output for one input line, or returns an error reason (null when the line was fine). */
    private @Nullable String line(byte[] line, int length, StringBuilder sb) {
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

    /** Ids separated by commas or whitespace, optionally in brackets. */
    static int[] parseIds(String s) {
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

    /** Configures the protocol. */
    public static final class Builder {
        private boolean rendered;
        private boolean decode;
        private boolean countOnly;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;

        private Builder() {}

        /** Input is Spotter-rendered template text: the 256 special-token strings map to their ids. */
        public Builder rendered(boolean on) {
            this.rendered = on;
            return this;
        }

        /** Reverse: ids to text ({@code {"ids":[...]}} lines in, {@code {"text":...}} out). */
        public Builder decode(boolean on) {
            this.decode = on;
            return this;
        }

        /** Only {@code {"count":N}} (skips building the id list). */
        public Builder countOnly(boolean on) {
            this.countOnly = on;
            return this;
        }

        /** Longest accepted input line; a longer one becomes an error line. */
        public Builder maxLineBytes(int n) {
            if (n < 1) {
                throw ConfigurationException.forParameter("maxLineBytes", "must be >= 1, was " + n);
            }
            this.maxLineBytes = n;
            return this;
        }

        public TokenLines build() {
            return new TokenLines(this);
        }
    }
}
