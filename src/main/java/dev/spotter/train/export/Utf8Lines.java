package dev.spotter.train.export;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file line by line, decoding each line as strict UTF-8 on its own, so one line with bad bytes is one
 * rejected record rather than the end of the file (a {@code BufferedReader} would fail the whole stream or
 * silently substitute U+FFFD). Holds one line in memory.
 */
final class Utf8Lines implements Closeable {
    /** A line, or {@code text == null} when its bytes were not valid UTF-8. */
    record Line(long number, String text) {}

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    private long number;
    private boolean eof;

    Utf8Lines(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next line without its terminator ("\n" or "\r\n"), or null at end of input. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        buf.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            buf.write(b);
        }
        if (b == -1) {
            eof = true;
            if (buf.size() == 0) {
                return null;
            }
        }
        number++;
        byte[] bytes = buf.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        int start = number == 1 && len >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return new Line(number, decoder.decode(ByteBuffer.wrap(bytes, start, len - start)).toString());
        } catch (CharacterCodingException e) {
            return new Line(number, null);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
