package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 6: every I/O error is one line that starts with "spotter" and names the path and the reason. */
class IoErrorLinesTest {
    @TempDir
    Path dir;

    @Test
    void aMissingTokensInputNamesThePathAndTheReasonNotTheJdkException() throws Exception {
        Path nope = dir.resolve("nope.jsonl");
        Files.writeString(dir.resolve("x"), "");
        CliRun.Result r = CliRun.command(new TokensCommand(), "--jsonl", "-i", nope.toString());
        CliRun.Result viaCli = CliRun.run("tokens", "--jsonl", "-i", nope.toString());
        assertThat(viaCli.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(viaCli.err().strip())
                .startsWith("spotter")
                .contains(nope.toString())
                .contains("no such file")
                .doesNotContain("java.nio")
                .doesNotContain("\n");
        assertThat(r.code()).isNotZero();
    }

    @Test
    void aUsageErrorIsOneLine() {
        CliRun.Result r = CliRun.run("validate", "--bogus");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err().strip()).startsWith("spotter validate: ").endsWith("(see spotter validate --help)");
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
