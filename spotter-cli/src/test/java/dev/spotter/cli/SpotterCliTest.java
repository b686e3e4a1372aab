package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpotterCliTest {
    @Test
    void aUsageErrorIsOneLineNamingTheCommandAndItsHelp() {
        CliRun.Result r = CliRun.run("validate", "--bogus");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err().strip())
                .isEqualTo("spotter validate: Unknown option: '--bogus' (see spotter validate --help)");
    }

    @Test
    void aLibraryParameterIsPrintedAsTheCommandsOption() {
        // GenerateOptions says "concurrency must be ..."; the CLI user typed --concurrency
        CliRun.Result r = CliRun.run(
                "generate",
                "running",
                "--provider",
                "openai",
                "--model",
                "m",
                "--concurrency",
                "0",
                "--state",
                "target/never",
                "-o",
                "target/never.jsonl",
                "--dry-run");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        // an option value the library refuses is a usage error, in README's form
        assertThat(r.err().strip())
                .isEqualTo("spotter generate: --concurrency must be in [1, 1024], was 0 (see spotter generate --help)");
    }

    @Test
    void anUnexpectedExceptionIsReportedAsAnInternalErrorNotAsAUsageError() {
        picocli.CommandLine cl = new picocli.CommandLine(new SpotterCli(dev.spotter.Environment.empty()));
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        int code = SpotterCli.failure(new NullPointerException("boom"), cl);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString())
                .startsWith(
                        "spotter: internal error (a bug in Spotter, please report it): java.lang.NullPointerException: boom")
                .contains("SPOTTER_DEBUG=1");
        java.io.StringWriter err2 = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err2));
        assertThat(SpotterCli.failure(new dev.spotter.ConfigurationException("spotter.yaml: x: bad"), cl))
                .isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(err2.toString().strip()).isEqualTo("spotter: spotter.yaml: x: bad");
    }

    @Test
    void generateAndKbGenerateShareOneSetOfLlmOptionsWithTheProviderAsAType() {
        for (String[] cmd : new String[][] {{"generate", "running"}, {"kb", "generate"}}) {
            String[] args = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(cmd),
                            java.util.stream.Stream.of(
                                    "--provider",
                                    "bogus",
                                    "--model",
                                    "m",
                                    "--state",
                                    "target/x",
                                    "-o",
                                    "target/x.jsonl"))
                    .toArray(String[]::new);
            CliRun.Result r = CliRun.run(args);
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
            assertThat(r.err().strip())
                    .startsWith((cmd[0].equals("kb") ? "spotter kb generate" : "spotter generate")
                            + ": Invalid value for option '--provider'")
                    .contains("unknown provider 'bogus' (expected openai or anthropic)")
                    .doesNotContain("\n");
            CliRun.Result help = CliRun.run(
                    java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of("--help"))
                            .toArray(String[]::new));
            for (String option : new String[] {
                "--provider",
                "--base-url",
                "--api-key-env",
                "--model",
                "--limit",
                "--budget-usd",
                "--state",
                "--output",
                "--concurrency",
                "--rpm",
                "--tpm"
            }) {
                assertThat(help.out()).as("%s in %s --help", option, cmd[0]).contains(option);
            }
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun.Result r = CliRun.run("--no-such-option");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err().strip()).isEqualTo("spotter: Unknown option: '--no-such-option' (see spotter --help)");
    }

    @Test
    void helpExitsZero() {
        CliRun.Result r = CliRun.run("--help");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Usage: spotter");
    }
}
