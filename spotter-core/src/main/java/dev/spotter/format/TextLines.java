package dev.spotter.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a JSONL stream as text, split and numbered exactly as {@link ChatValidator} splits them ({@link
 * LineReader}: on {@code \n} only, {@code \r\n} as one terminator; a raw {@code \r} inside a line does not end it),
 * and decoded strictly. Every command that reads JSONL line by line uses it, so that {@code validate}, {@code
 * audit-voice} and {@code kb coverage} count the same lines in the same file and name the same line numbers.
 *
 * <p>A line that is not valid UTF-8, or is longer than the limit, has no {@link #text()}; {@link #problem()} says
 * why in words ({@code not valid UTF-8 at byte 24}) for the caller's quarantine or skip count: one bad line never
 * stops the file. Memory: that of the {@link LineReader}. Not thread-safe; does not close the stream.
 */
public final class TextLines {
    private final LineReader lines;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private String text;
    private String problem;

    public TextLines(InputStream in) {
        this(in, ChatValidator.DEFAULT_MAX_LINE_BYTES);
    }

    public TextLines(InputStream in, int maxLineBytes) {
        this.lines = new LineReader(in, maxLineBytes);
        this.maxLineBytes = maxLineBytes;
    }

    /** Advances to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        text = null;
        problem = null;
        if (!lines.next()) {
            return false;
        }
        if (lines.tooLong()) {
            problem = "line longer than " + maxLineBytes + " bytes";
            return true;
        }
        try {
            text = utf8.reset()
                    .decode(ByteBuffer.wrap(lines.bytes(), 0, lines.length()))
                    .toString();
        } catch (CharacterCodingException e) {
            problem = "not valid UTF-8 at byte " + badUtf8Offset(lines.bytes(), lines.length());
        }
        return true;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lines.lineNumber();
    }

    /** The current line without its terminator, or null when it could not be decoded ({@link #problem()}). */
    public String text() {
        return text;
    }

    /** Why the current line has no text, in words; null when it has. */
    public String problem() {
        return problem;
    }

    /** The 0-based byte offset of the first byte of {@code b[0..len)} that is not valid UTF-8. */
    static int badUtf8Offset(byte[] b, int len) {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, 0, len);
        CharBuffer out = CharBuffer.allocate(Math.max(16, len));
        d.decode(in, out, true);
        return in.position();
    }
}
