package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CLI trial finding F20: every usage error has README's form {@code spotter <command>: <reason> (see spotter
 * <command> --help)}, exit 2, whether picocli found it (an unknown option) or the command did (a missing
 * combination of options, an unknown value). A missing command ({@code spotter}, {@code spotter kb}) prints the
 * usage on stderr, then that line, and exits 2. The cases are the trial's commands as given.
 */
class UsageErrorFormatTest {
    static List<Arguments> cases() {
        return List.of(
                Arguments.of("cost", List.of("cost")),
                Arguments.of("eval", List.of("eval")),
                Arguments.of("parse", List.of("parse")),
                Arguments.of("train submit", List.of("train", "submit")),
                Arguments.of(
                        "convert",
                        List.of("convert", "examples/voice/running-150.jsonl", "--to", "bogus", "-o", "x.jsonl")),
                Arguments.of(
                        "export",
                        List.of("export", "--target", "bogus", "examples/voice/running-150.jsonl", "-o", "x")),
                Arguments.of("kb", List.of("kb", "bogus")),
                // CLI re-trial N3: preview parsed its own --target and --train-on after picocli
                Arguments.of("preview", List.of("preview", "--target", "bogus", "--dataset", "x")),
                Arguments.of(
                        "preview", List.of("preview", "--target", "together", "--train-on", "x", "--dataset", "x")),
                Arguments.of("convert", List.of("convert", "examples/voice/running-150.jsonl", "--train-on", "x")),
                // CLI re-trial N3: a library check of a value names the option, not the Java parameter
                Arguments.of("stats", List.of("stats", "examples/voice/running-150.jsonl", "--token-limit", "0")),
                Arguments.of("validate", List.of("validate", "examples/voice/running-150.jsonl", "--max-errors", "-1")),
                Arguments.of(
                        "validate", List.of("validate", "examples/voice/running-150.jsonl", "--max-line-bytes", "0")),
                Arguments.of("stats", List.of("stats", "examples/voice/running-150.jsonl", "--date", "garbage")),
                Arguments.of(
                        "audit-voice",
                        List.of("audit-voice", "examples/voice/running-150.jsonl", "--max-listed", "-1")),
                Arguments.of("eval", List.of("eval", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "-o", "-")),
                Arguments.of("cost", List.of("cost", "--examples", "10", "--avg-tokens", "100", "--epochs", "0")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void aUsageErrorIsOneLineInReadmesForm(String command, List<String> args) {
        CliRun.Result r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        String err = r.err().strip();
        assertThat(err.lines()).as(err).hasSize(1);
        assertThat(err)
                .matches(Pattern.quote("spotter " + command + ": ") + ".+"
                        + Pattern.quote(" (see spotter " + command + " --help)"))
                .doesNotContain("Unmatched argument")
                .doesNotContain("spotter: spotter"); // was "spotter: spotter eval needs ..."
        assertThat(r.out()).isEmpty();
    }

    static List<Arguments> groups() {
        return List.of(
                Arguments.of("spotter", List.of()),
                Arguments.of("spotter kb", List.of("kb")),
                Arguments.of("spotter train", List.of("train")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void aMissingCommandPrintsTheUsageOnStderrAndExits2(String command, List<String> args) {
        CliRun.Result r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: " + command).contains("Commands:");
        assertThat(r.err().strip()).endsWith(command + ": a command is required (see " + command + " --help)");
    }
}
