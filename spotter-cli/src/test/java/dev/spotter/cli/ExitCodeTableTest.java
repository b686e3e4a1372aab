package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Issue 12 item 7: README's exit-code table, tested command by command. Every command of the CLI has a row in the
 * table and cases here (success, rejects, empty, missing file, wrong kind of path, usage error); every case's exit
 * code is one the table allows for that command; every failure is one line that starts with {@code spotter}. The
 * commands that need a live service for 0 or 1 ({@code eval}, {@code generate}, {@code kb import}, {@code train})
 * are run here for their code 2; their 0 and 1 run against in-process fakes in their own tests.
 */
class ExitCodeTableTest {
    @TempDir
    static Path dir;

    static Path good;
    static Path bad;
    static Path empty;
    static Path binary;
    static Path aDir;
    static Path aFile;
    static Path project;
    static Path projectRejecting;

    /** No API key, no database URL: what a command needs from outside is missing unless a case sets it. */
    static final Environment NO_KEYS = Environment.of(Map.of());

    @BeforeAll
    static void files() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("examples/voice/running-150.jsonl"));
        good = Files.write(dir.resolve("good.jsonl"), lines.subList(0, 12));
        List<String> withBad = new ArrayList<>(lines.subList(0, 12));
        withBad.add("{\"messages\":\"not a list\"}");
        bad = Files.write(dir.resolve("bad.jsonl"), withBad);
        empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        binary = Files.write(dir.resolve("binary.jsonl"), new byte[] {'{', (byte) 0xC3, 0x28, '\n', 0, 1, (byte) 0xFF});
        aDir = Files.createDirectories(dir.resolve("a-dir"));
        aFile = Files.writeString(dir.resolve("a-file"), "x\n");
        String examples = TinyProject.examples();
        Path p = Files.createDirectories(dir.resolve("p"));
        Files.writeString(p.resolve("d.jsonl"), examples);
        Files.writeString(p.resolve("r.jsonl"), examples + "{\"category\":\"qa\",\"messages\":\"oops\"}\n");
        String yaml = """
                name: exit-codes
                sources:
                  - {id: d, kind: jsonl, path: FILE, categoryField: category, targets: {qa: 30}}
                output: {dir: out}
                """;
        project = Files.writeString(p.resolve("spotter.yaml"), yaml.replace("FILE", "d.jsonl"));
        projectRejecting = Files.writeString(p.resolve("rejecting.yaml"), yaml.replace("FILE", "r.jsonl"));
    }

    /** One run: the command's README row, the situation, the arguments, the code it must exit with. */
    record Case(String command, String situation, int code, Environment env, List<String> args) {
        @Override
        public String toString() {
            return command + " / " + situation + " -> " + code;
        }
    }

    private static Case c(String command, String situation, int code, Object... args) {
        return new Case(
                command,
                situation,
                code,
                NO_KEYS,
                Stream.of(args).map(String::valueOf).toList());
    }

    private static String out(String name) {
        return dir.resolve("out").resolve(name).toString();
    }

    static List<Case> cases() {
        String under = aFile.resolve("x.jsonl").toString(); // a path under a regular file: "not a directory"
        return List.of(
                c("audit-voice", "labels agree", 0, "audit-voice", "examples/voice/mixed-200.jsonl"),
                c("audit-voice", "a disagreement", 1, "audit-voice", "examples/data/voice_sample.jsonl"),
                c("audit-voice", "empty file", 1, "audit-voice", empty),
                c("audit-voice", "binary file", 1, "audit-voice", binary),
                c("audit-voice", "missing file", 2, "audit-voice", dir.resolve("nope.jsonl")),
                c("audit-voice", "a directory", 2, "audit-voice", aDir),
                c("audit-voice", "usage", 2, "audit-voice", "--bogus", good),
                c("build", "clean", 0, "build", "--project", project, "--out", out("b0")),
                c(
                        "build",
                        "reject rate over maxRejectRate",
                        1,
                        "build",
                        "--project",
                        projectRejecting,
                        "--out",
                        out("b1")),
                c("build", "missing project", 2, "build", "--project", dir.resolve("nope.yaml")),
                c("build", "usage", 2, "build", "--bogus"),
                c("check", "every case agrees", 0, "check", "examples/check/clinical-cases.jsonl"),
                c("check", "unreadable case line", 1, "check", bad),
                c("check", "empty file", 1, "check", empty),
                c("check", "a directory", 2, "check", aDir),
                c("check", "missing file", 2, "check", dir.resolve("nope.jsonl")),
                c("check", "usage", 2, "check"),
                c("completion", "bash", 0, "completion", "bash"),
                c("completion", "unknown shell", 2, "completion", "fish"),
                c("convert", "clean", 0, "convert", "--to", "messages", good, "-o", out("c0.jsonl")),
                c("convert", "a line rejected", 1, "convert", "--to", "messages", bad, "-o", out("c1.jsonl")),
                c("convert", "empty input", 1, "convert", "--to", "messages", empty, "-o", out("c-empty.jsonl")),
                c(
                        "convert",
                        "missing input",
                        2,
                        "convert",
                        "--to",
                        "messages",
                        dir.resolve("nope.jsonl"),
                        "-o",
                        out("c2")),
                c("convert", "output under a file", 2, "convert", "--to", "messages", good, "-o", under),
                c("convert", "usage", 2, "convert", good, "-o", out("c3.jsonl")),
                c("cost", "estimate", 0, "cost", good),
                c("cost", "empty file", 1, "cost", empty),
                c("cost", "binary file", 1, "cost", binary),
                c("cost", "missing file", 2, "cost", dir.resolve("nope.jsonl")),
                c("cost", "usage", 2, "cost", "--bogus"),
                c("eval", "no endpoint", 2, "eval"),
                c("eval", "usage", 2, "eval", "--bogus"),
                c("eval compare", "missing report", 2, "eval", "compare", dir.resolve("a.json"), dir.resolve("b.json")),
                c("eval compare", "usage", 2, "eval", "compare"),
                c("export", "clean", 0, "export", "--target", "together", good, "--out", out("e0")),
                c("export", "a line rejected", 1, "export", "--target", "together", bad, "--out", out("e1")),
                c("export", "empty input", 1, "export", "--target", "together", empty, "--out", out("e-empty")),
                c(
                        "export",
                        "missing input",
                        2,
                        "export",
                        "--target",
                        "together",
                        dir.resolve("nope.jsonl"),
                        "--out",
                        out("e2")),
                c("export", "output under a file", 2, "export", "--target", "together", good, "--out", under),
                c("export", "usage", 2, "export", good),
                c("generate", "list plans", 0, "generate", "--list-plans"),
                c(
                        "generate",
                        "missing key",
                        2,
                        "generate",
                        "coach-qa",
                        "--model",
                        "m",
                        "--state",
                        out("g-state"),
                        "-o",
                        out("g.jsonl")),
                c("generate", "usage", 2, "generate", "--bogus"),
                c("inventory", "project", 0, "inventory", "--project", project),
                c("inventory", "missing project", 2, "inventory", "--project", dir.resolve("nope.yaml")),
                c(
                        "kb coverage",
                        "examples without chunk ids",
                        1,
                        "kb",
                        "coverage",
                        good,
                        "--quarantine",
                        out("kq.jsonl")),
                c("kb coverage", "binary file", 1, "kb", "coverage", binary, "--quarantine", out("kq2.jsonl")),
                c("kb coverage", "missing file", 2, "kb", "coverage", dir.resolve("nope.jsonl")),
                c("kb coverage", "a directory", 2, "kb", "coverage", aDir),
                c("kb export", "bundled sample", 0, "kb", "export", "-o", out("kb.jsonl")),
                c("kb export", "output under a file", 2, "kb", "export", "-o", under),
                c("kb generate", "print plan", 0, "kb", "generate", "--print-plan"),
                c("kb generate", "usage", 2, "kb", "generate", "--bogus"),
                c("kb import", "no database", 2, "kb", "import", good),
                c(
                        "kb import",
                        "a directory",
                        2,
                        "kb",
                        "import",
                        aDir,
                        "--db-url",
                        "jdbc:sqlite:" + dir.resolve("kb.db")),
                c("kb import", "usage", 2, "kb", "import"),
                c("kb quota", "bundled sample", 0, "kb", "quota"),
                c("kb quota", "usage", 2, "kb", "quota", "--bogus"),
                c("parse", "parsed", 0, "parse", "bench press 100 kg for 5"),
                c("parse", "not parsed", 1, "parse", "hello there"),
                c("parse", "usage", 2, "parse", "--bogus"),
                c("preview", "missing dataset", 2, "preview", "--target", "together", "--dataset", dir.resolve("nope")),
                c("preview", "usage", 2, "preview", "--target", "together"),
                c("review", "missing project", 2, "review", "--project", dir.resolve("nope.yaml")),
                c("review status", "nothing reviewed", 2, "review", "status", "--project", project),
                c(
                        "review export",
                        "missing project",
                        2,
                        "review",
                        "export",
                        "--project",
                        dir.resolve("nope.yaml"),
                        "--out",
                        out("rx.jsonl")),
                c("review export", "usage", 2, "review", "export"),
                c(
                        "review import",
                        "missing file",
                        2,
                        "review",
                        "import",
                        "--project",
                        project,
                        dir.resolve("nope.jsonl")),
                c("review import", "usage", 2, "review", "import", "--bogus"),
                c("review report", "missing project", 2, "review", "report", "--project", dir.resolve("nope.yaml")),
                c("review report", "usage", 2, "review", "report", "--bogus"),
                c(
                        "review reopen",
                        "nothing reviewed",
                        2,
                        "review",
                        "reopen",
                        "--project",
                        project,
                        "--source",
                        "d",
                        "--state",
                        out("rs")),
                c("stats", "clean", 0, "stats", good),
                c("stats", "invalid lines (not a gate)", 0, "stats", bad),
                c("stats", "empty file", 1, "stats", empty),
                c("stats", "missing file", 2, "stats", dir.resolve("nope.jsonl")),
                c("stats", "a directory", 2, "stats", aDir),
                c("synth-voice", "written", 0, "synth-voice", "--count", "3", "-o", out("sv.jsonl")),
                c("synth-voice", "output under a file", 2, "synth-voice", "--count", "3", "-o", under),
                c("synth-voice", "usage", 2, "synth-voice", "--count", "x"),
                c("tokens", "text", 0, "tokens", "hello"),
                c("tokens", "a bad line", 1, "tokens", "--jsonl", "-i", bad),
                c("tokens", "missing file", 2, "tokens", "--jsonl", "-i", dir.resolve("nope.jsonl")),
                c("tokens", "a directory", 2, "tokens", "--jsonl", "-i", aDir),
                c("train submit", "missing key", 2, "train", "submit", "--train", good, "--yes", "--state", out("ts")),
                c("train status", "missing key", 2, "train", "status", "job-1", "--state", out("ts")),
                c("train status", "no job recorded", 2, "train", "status", "--state", out("ts")),
                c("train events", "missing key", 2, "train", "events", "job-1", "--state", out("ts")),
                c("train cancel", "missing key", 2, "train", "cancel", "job-1", "--state", out("ts")),
                c("train list", "missing key", 2, "train", "list", "--state", out("ts")),
                c("validate", "clean", 0, "validate", good),
                c("validate", "a line rejected", 1, "validate", bad),
                c("validate", "empty file", 1, "validate", empty),
                c("validate", "binary file", 1, "validate", binary),
                c("validate", "missing file", 2, "validate", dir.resolve("nope.jsonl")),
                c("validate", "a directory", 2, "validate", aDir),
                c("validate", "path under a file", 2, "validate", under),
                c("validate", "usage", 2, "validate", "--bogus"));
    }

    static Stream<Arguments> caseArgs() {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseArgs")
    void exitsWithTheCodeTheReadmeTableGives(Case k) throws Exception {
        Files.createDirectories(dir.resolve("out"));
        CliRun.Result r = CliRun.run(k.env(), k.args().toArray(String[]::new));
        assertThat(r.code())
                .as("%s%nstdout: %s%nstderr: %s", k, r.out(), r.err())
                .isEqualTo(k.code());
        assertThat(readmeTable().get(k.command()))
                .as("README row for %s", k.command())
                .isNotNull();
        assertThat(readmeTable().get(k.command()).get(k.code()))
                .as("README allows exit %d for %s", k.code(), k.command())
                .isNotEqualTo("-");
        if (k.code() == ExitCodes.USAGE_OR_IO) {
            String err = r.err().strip();
            assertThat(err.lines()).as("one line: %s", err).hasSize(1);
            assertThat(err).startsWith("spotter").doesNotContain("Exception");
            if (k.situation().startsWith("usage")) {
                assertThat(err).endsWith("--help)");
            }
        }
    }

    /** Every command the CLI has appears in README's table and in the cases above, and nothing else does. */
    @Test
    void theTableAndTheCasesCoverEveryCommand() throws Exception {
        Set<String> commands = new TreeSet<>();
        collect(new CommandLine(new SpotterCli(NO_KEYS)), commands);
        Set<String> rows = new TreeSet<>(readmeTable().keySet());
        Set<String> tested = cases().stream().map(Case::command).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).isEqualTo(commands);
        assertThat(tested).isEqualTo(commands);
    }

    /** What each I/O failure says: the path, and the reason in words. */
    @Test
    void ioFailuresNameThePathAndTheReasonInWords() throws Exception {
        Path nope = dir.resolve("nope.jsonl");
        String under = aFile.resolve("x.jsonl").toString();
        Map<List<String>, List<String>> expect = new LinkedHashMap<>();
        expect.put(List.of("audit-voice", aDir.toString()), List.of(aDir.toString(), "is a directory"));
        expect.put(List.of("validate", aDir.toString()), List.of(aDir.toString(), "is a directory"));
        expect.put(List.of("stats", nope.toString()), List.of(nope.toString(), "no such file or directory"));
        expect.put(List.of("validate", under), List.of(under, "not a directory"));
        expect.put(List.of("tokens", "--jsonl", "-i", nope.toString()), List.of(nope.toString(), "no such file"));
        expect.put(List.of("tokens", "--jsonl", "-i", aDir.toString()), List.of(aDir.toString(), "is a directory"));
        expect.put(List.of("kb", "coverage", aDir.toString()), List.of(aDir.toString(), "is a directory"));
        expect.put(List.of("check", aDir.toString()), List.of(aDir.toString(), "is a directory"));
        expect.put(List.of("check", nope.toString()), List.of(nope.toString(), "no such file"));
        expect.put(List.of("check", binary.toString()), List.of(binary.toString(), "not valid UTF-8"));
        expect.put(
                List.of("kb", "import", aDir.toString(), "--db-url", "jdbc:sqlite:" + dir.resolve("kb.db")),
                List.of(aDir.toString(), "is a directory"));
        expect.put(
                List.of("kb", "quota", "--chunks", binary.toString()), List.of(binary.toString(), "not valid UTF-8"));
        expect.put(
                List.of("export", "--target", "together", nope.toString(), "--out", out("e9")),
                List.of(nope.toString(), "no such file"));
        expect.put(
                List.of("eval", "compare", nope.toString(), nope.toString()), List.of(nope.toString(), "no such file"));
        expect.put(
                List.of("eval", "compare", good.toString(), good.toString()),
                List.of(good.toString(), "not an eval.json report"));
        expect.put(List.of("synth-voice", "--count", "2", "-o", under), List.of(under, "not a directory"));
        expect.put(
                List.of("convert", "--to", "messages", good.toString(), "-o", under),
                List.of(under, "not a directory"));
        expect.put(
                List.of("convert", "--to", "messages", good.toString(), "-o", aDir.toString()),
                List.of(aDir.toString(), "is a directory"));
        for (Map.Entry<List<String>, List<String>> e : expect.entrySet()) {
            CliRun.Result r = CliRun.run(NO_KEYS, e.getKey().toArray(String[]::new));
            assertThat(r.code()).as("%s: %s", e.getKey(), r.err()).isEqualTo(ExitCodes.USAGE_OR_IO);
            assertThat(r.err().strip())
                    .as("%s", e.getKey())
                    .startsWith("spotter")
                    .contains(e.getValue())
                    .doesNotContain("java.")
                    .doesNotContain("\n");
        }
    }

    /** A refused database connection says so in words, with no JDK class name (trial finding F15). */
    @Test
    void aRefusedDatabaseConnectionSaysConnectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // closed: nothing listens there
        }
        CliRun.Result r = CliRun.run(
                NO_KEYS,
                "kb",
                "export",
                "--db-url",
                "postgresql://u@127.0.0.1:" + port + "/db",
                "-o",
                out("kbr.jsonl"));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err().strip())
                .startsWith("spotter")
                .contains("127.0.0.1:" + port)
                .contains("connection refused")
                .doesNotContain("ConnectException")
                .doesNotContain("\n");
    }

    /** {@code convert} of an empty file fails as {@code validate} does and leaves no (empty) output file. */
    @Test
    void convertOfAnEmptyFileWritesNothing() throws Exception {
        Path o = dir.resolve("empty-out.jsonl");
        CliRun.Result r = CliRun.run(NO_KEYS, "convert", "--to", "llama3-text", empty.toString(), "-o", o.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.err())
                .startsWith("spotter convert: ")
                .contains(empty.toString())
                .contains("empty");
        assertThat(o).doesNotExist();
    }

    /** A failed first {@code generate} (no key) leaves no state behind: rerunning with the key starts clean. */
    @Test
    void generateWithoutAKeyCreatesNoState() throws Exception {
        Path state = dir.resolve("gen-state");
        CliRun.Result r = CliRun.run(
                NO_KEYS,
                "generate",
                "coach-qa",
                "--model",
                "m",
                "--state",
                state.toString(),
                "-o",
                dir.resolve("g.jsonl").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err()).contains("OPENAI_API_KEY");
        assertThat(state.resolve("state.db")).doesNotExist();
    }

    /** {@code export} with no example that passed points at no submit command. */
    @Test
    void exportWithNothingPassedSuggestsNoSubmit() {
        CliRun.Result r =
                CliRun.run(NO_KEYS, "export", "--target", "together", empty.toString(), "--out", out("e-none"));
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.out()).contains("no training example passed").doesNotContain("submit with");
    }

    private static void collect(CommandLine cl, Set<String> into) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            String name = sub.getCommandSpec().qualifiedName(" ").substring("spotter ".length());
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            if (sub.getSubcommands().isEmpty()
                    || sub.getCommandSpec().userObject() instanceof java.util.concurrent.Callable) {
                into.add(name);
            }
            collect(sub, into);
        }
    }

    private static Map<String, Map<Integer, String>> table;

    /** README's per-command table: command -> exit code -> its cell ("-" = never). */
    static synchronized Map<String, Map<Integer, String>> readmeTable() throws Exception {
        if (table == null) {
            Map<String, Map<Integer, String>> t = new LinkedHashMap<>();
            for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String cmd = cells[1].strip().replace("`", "");
                t.put(cmd, Map.of(0, cells[2].strip(), 1, cells[3].strip(), 2, cells[4].strip()));
            }
            table = t;
        }
        return table;
    }
}
