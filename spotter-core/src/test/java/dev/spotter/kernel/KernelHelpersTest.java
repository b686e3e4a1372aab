package dev.spotter.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hashing, Sidecars and Html: the small helpers every package used to write for itself. */
class KernelHelpersTest {
    @Test
    void sha256HexMatchesTheStandardVectorsForBytesTextAndStreamedFiles(@TempDir Path dir) throws IOException {
        // FIPS 180-2 test vectors
        assertThat(Hashing.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hashing.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hashing.sha256Hex("é")).isEqualTo(Hashing.sha256Hex("é".getBytes(StandardCharsets.UTF_8)));
        Path f = dir.resolve("million-a");
        Files.writeString(f, "a".repeat(1_000_000)); // larger than the 64 KiB read block
        assertThat(Hashing.sha256Hex(f)).isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    @Test
    void sidecarNamesReplaceTheJsonlEnding() {
        Path data = Path.of("out/injury.jsonl");
        assertThat(Sidecars.provenance(data)).isEqualTo(Path.of("out/injury.provenance.jsonl"));
        assertThat(Sidecars.rejects(data)).isEqualTo(Path.of("out/injury.rejects.jsonl"));
        assertThat(Sidecars.of(data, ".kb-rejects.jsonl")).isEqualTo(Path.of("out/injury.kb-rejects.jsonl"));
        assertThat(Sidecars.of(Path.of("plain"), ".provenance.jsonl")).isEqualTo(Path.of("plain.provenance.jsonl"));
        assertThat(Sidecars.of(Path.of("x.json"), ".grounded.jsonl")).isEqualTo(Path.of("x.json.grounded.jsonl"));
        assertThat(Sidecars.stem("generated/coach_qa.jsonl")).isEqualTo("generated/coach_qa");
        assertThat(Sidecars.stem("a.jsonl.jsonl")).isEqualTo("a.jsonl");
    }

    @Test
    void htmlEscapesAllFiveCharactersIncludingTheSingleQuote() {
        assertThat(Html.escape("<a href='x' title=\"y\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
        assertThat(Html.escape("plain")).isEqualTo("plain");
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;"); // escapes once, as given
        assertThat(Html.escape(null)).isEmpty();
    }
}
