package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100 MB line and a binary file, validated in a child JVM with a 64 MB heap: no crash, every line accounted. */
class HugeInputTest {
    @TempDir
    Path dir;

    private String probe(Path input, Path quarantine) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HugeInputProbe.class.getName(),
                        input.toString(),
                        quarantine.toString())
                .redirectErrorStream(true)
                .start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aHundredMegabyteLineIsQuarantinedNotBuffered() throws Exception {
        Path in = dir.resolve("huge.jsonl");
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(in))) {
            o.write((ChatValidatorTest.OK + "\n").getBytes(StandardCharsets.UTF_8));
            o.write("{\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100; i++) {
                o.write(chunk);
            }
            o.write("\"}]}\n".getBytes(StandardCharsets.UTF_8));
            o.write((ChatValidatorTest.OK + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path q = dir.resolve("q.jsonl");
        assertThat(probe(in, q)).startsWith("3 2 1 {line_too_long=1} ");
        long lineBytes = 100L * (1 << 20) + 43; // 39-byte prefix + 4-byte suffix
        // The quarantine record holds the whole line (Base64) and its length; check head and tail without loading it.
        try (RandomAccessFile f = new RandomAccessFile(q.toFile(), "r")) {
            byte[] head = new byte[120];
            f.readFully(head);
            assertThat(new String(head, StandardCharsets.US_ASCII))
                    .startsWith(
                            "{\"file\":\"" + in.toString().replace("\\", "\\\\").substring(0, 5));
            byte[] tail = new byte[40];
            f.seek(f.length() - tail.length);
            f.readFully(tail);
            assertThat(new String(tail, StandardCharsets.US_ASCII)).endsWith("\",\"bytes\":" + lineBytes + "}\n");
            assertThat(f.length()).isGreaterThan(lineBytes * 4 / 3);
        }
    }

    @Test
    void aBinaryFileIsRejectedLineByLine() throws Exception {
        byte[] junk = new byte[3 << 20];
        new Random(42).nextBytes(junk);
        Path in = dir.resolve("junk.bin");
        Files.write(in, junk);
        long lines = 0;
        for (byte b : junk) {
            lines += b == '\n' ? 1 : 0;
        }
        if (junk[junk.length - 1] != '\n') {
            lines++;
        }
        String out = probe(in, dir.resolve("q.jsonl"));
        String[] f = out.split(" ", 4);
        assertThat(Long.parseLong(f[0])).isEqualTo(lines);
        assertThat(f[1]).isEqualTo("0");
        assertThat(Long.parseLong(f[2])).isEqualTo(lines);
        assertThat(out).contains("invalid_utf8=");
        try (var s = Files.lines(dir.resolve("q.jsonl"))) {
            assertThat(s.count()).isEqualTo(lines);
        }
    }
}
