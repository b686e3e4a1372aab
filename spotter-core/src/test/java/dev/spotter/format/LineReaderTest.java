package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static List<String> lines(String input, int max) throws IOException {
        return lines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), max);
    }

    /** Lines as text; over-long lines drained and shown as "LONG(n):<content>". */
    private static List<String> lines(InputStream in, int max) throws IOException {
        LineReader r = new LineReader(in, max);
        List<String> out = new ArrayList<>();
        while (r.next()) {
            if (r.tooLong()) {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                long n = r.drainTooLong(sink);
                out.add("LONG(" + n + "):" + sink.toString(StandardCharsets.UTF_8));
            } else {
                out.add(new String(r.bytes(), 0, r.length(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void splitsOnNewlineDropsCrKeepsEmptyLinesAndAFinalUnterminatedLine() throws IOException {
        assertThat(lines("a\r\nb\n\n\r\nc", 100)).containsExactly("a", "b", "", "", "c");
        assertThat(lines("a\n", 100)).containsExactly("a");
        assertThat(lines("", 100)).isEmpty();
        assertThat(lines("x\ry\n", 100)).containsExactly("x\ry");
    }

    @Test
    void overLongLinesAreFlaggedAndDrainedExactly() throws IOException {
        // max 4: "abcd" fits, "abcd\r" fits (the \r is the terminator), "abcde" does not.
        assertThat(lines("abcd\nabcd\r\nabcde\nz", 4)).containsExactly("abcd", "abcd", "LONG(5):abcde", "z");
        String big = "x".repeat(200_000);
        assertThat(lines("s\n" + big + "\r\nt", 10)).containsExactly("s", "LONG(200000):" + big, "t");
        assertThat(lines(big + "\r", 10)).containsExactly("LONG(200000):" + big);
    }

    @Test
    void undrainedOverLongLinesAreSkipped() throws IOException {
        LineReader r = new LineReader(new ByteArrayInputStream(("y".repeat(100_000) + "\nok\n").getBytes()), 8);
        assertThat(r.next()).isTrue();
        assertThat(r.tooLong()).isTrue();
        assertThat(r.next()).isTrue();
        assertThat(new String(r.bytes(), 0, r.length())).isEqualTo("ok");
        assertThat(r.lineNumber()).isEqualTo(2);
        assertThat(r.next()).isFalse();
    }

    @Test
    void survivesOneByteReads() throws IOException {
        InputStream slow = new ByteArrayInputStream("ab\r\ncdefgh\r\ni".getBytes()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(lines(slow, 3)).containsExactly("ab", "LONG(6):cdefgh", "i");
    }
}
