package dev.spotter.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Spotter;
import dev.spotter.format.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one progress mechanism for readers: monotone line and byte counts that end at the file's totals. */
class ProgressStreamTest {
    @TempDir
    Path dir;

    private static final String LINE = "{\"messages\":[{\"role\":\"user\",\"content\":\"log 3x5 squat at 100 kg\"},"
            + "{\"role\":\"assistant\",\"content\":\"Logged: squat 3x5 @ 100 kg.\"}]}\n";

    @Test
    void validateReportsMonotoneCountsThatEndAtTheFilesTotals() throws Exception {
        Path f = dir.resolve("big.jsonl");
        int n = 6_000; // ~800 KB: several reports of 256 KiB before the final one
        Files.writeString(f, LINE.repeat(n));
        List<ProgressEvent> seen = new ArrayList<>();
        ValidationReport r = Spotter.builder().progress(seen::add).build().validate(List.of(f), null);
        assertThat(r.total().read()).isEqualTo(n);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).count())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).count());
            assertThat(seen.get(i).bytes())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).bytes());
        }
        ProgressEvent last = seen.get(seen.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.task()).isEqualTo("validate " + f);
        assertThat(last.count()).isEqualTo(n);
        assertThat(last.bytes()).isEqualTo(Files.size(f)).isEqualTo(last.totalBytes());
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(seen.subList(0, seen.size() - 1)).noneMatch(ProgressEvent::finished);
    }

    @Test
    void aLastLineWithoutNewlineCountsAndStdinHasNoSize() throws Exception {
        List<ProgressEvent> seen = new ArrayList<>();
        byte[] data = "a\nb\nc".getBytes(StandardCharsets.UTF_8);
        try (InputStream in = ProgressStream.wrap(new ByteArrayInputStream(data), "t", -1, seen::add)) {
            assertThat(in.readAllBytes()).hasSize(5);
        }
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(3);
            assertThat(e.totalBytes()).isEqualTo(-1);
            assertThat(e.finished()).isTrue();
        });
    }

    @Test
    void noListenerMeansTheStreamIsNotWrapped() {
        InputStream in = new ByteArrayInputStream(new byte[0]);
        assertThat(ProgressStream.wrap(in, "t", 0, ProgressListener.NONE)).isSameAs(in);
    }
}
