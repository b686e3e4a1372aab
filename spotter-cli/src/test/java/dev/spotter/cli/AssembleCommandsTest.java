package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory and build commands end to end, in-process and (for the secret check) in a child JVM. */
class AssembleCommandsTest {
    @TempDir
    Path dir;

    private static String ex(String user, String cat) {
        return "{\"category\":\"" + cat + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                + "\"},{\"role\":\"assistant\",\"content\":\"answer to " + user + "\"}]}\n";
    }

    private Path project(boolean withBrokenLine) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(ex(
                    "question number " + i + " about squats and rest days " + (i * 7919), i % 2 == 0 ? "qa" : "tips"));
        }
        if (withBrokenLine) {
            sb.append("{\"category\":\"qa\",\"messages\":\"oops\"}\n");
        }
        Files.writeString(dir.resolve("d.jsonl"), sb);
        Files.writeString(dir.resolve("spotter.yaml"), """
                name: cli-test
                sources:
                  - {id: d, kind: jsonl, path: d.jsonl, categoryField: category, targets: {qa: 15, tips: 15}}
                  - {id: gen, kind: generation, plan: coach-qa, path: gen.jsonl, category: coach, targets: {coach: 5}}
                output: {dir: out}
                provider: {name: anthropic, apiKeyEnv: SPOTTER_TEST_SECRET_KEY}
                """);
        return dir.resolve("spotter.yaml");
    }

    private static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void inventoryJsonIsOneObjectWithRowsTotalsCostAndNeeds() throws Exception {
        Path p = project(false);
        CliRun.Result r = run("inventory", "--project", p.toString(), "--json");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("rows")).hasSize(3);
        assertThat(j.path("rows").get(0).path("status").asText()).isEqualTo("HAVE");
        assertThat(j.path("rows").get(2).path("status").asText()).isEqualTo("NEED");
        assertThat(j.path("totals").path("have").asInt()).isEqualTo(30);
        assertThat(j.path("cost").path("toGenerate").asInt()).isEqualTo(5);
        assertThat(j.path("needs").get(0).path("command").asText())
                .startsWith(
                        "spotter generate coach-qa --provider anthropic --api-key-env SPOTTER_TEST_SECRET_KEY --state ");

        CliRun.Result text = run("inventory", "--project", p.toString());
        assertThat(text.out())
                .contains("SOURCE")
                .contains("NEED")
                .contains("training cost")
                .contains("gen: 5 more (coach 5)")
                .contains("set $SPOTTER_TEST_SECRET_KEY");
    }

    @Test
    void buildExitsZeroWhenCleanAndOneWhenLinesWereRejected() throws Exception {
        Path p = project(false);
        CliRun.Result ok = run("build", "--project", p.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out())
                .contains("accounting", "OK: 30 read")
                .contains("still needed")
                .contains("spotter generate coach-qa --provider anthropic");
        assertThat(dir.resolve("out/messages/train.jsonl")).exists();

        Path p2 = project(true);
        CliRun.Result rej = run(
                "build",
                "--project",
                p2.toString(),
                "--out",
                dir.resolve("out2").toString());
        assertThat(rej.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(rej.out()).contains("1 input lines rejected");
        assertThat(Files.readString(dir.resolve("out2.state/quarantine.jsonl")))
                .contains("\"reason\":\"missing_messages_list\"")
                .contains("\"line\":31");
        assertThat(rej.out()).contains("reject rate too high: d: 1 of 31 lines rejected (3.23%) > maxRejectRate 0.00%");

        // 1 of 31 = 3.2%: a global tolerance of 5% admits it (exit 0, quarantine still reported); a source's own
        // limit overrides the global one
        Files.writeString(p2, Files.readString(p2) + "quality: {maxRejectRate: 0.05}\n");
        CliRun.Result tolerated = run(
                "build",
                "--project",
                p2.toString(),
                "--out",
                dir.resolve("out3").toString());
        assertThat(tolerated.code()).as(tolerated.out()).isEqualTo(ExitCodes.OK);
        assertThat(tolerated.out()).contains("1 input lines rejected").contains("within quality.maxRejectRate");
        assertThat(dir.resolve("out3.state/quarantine.jsonl")).content().contains("missing_messages_list");
        Files.writeString(
                p2,
                Files.readString(p2)
                        .replace("targets: {qa: 15, tips: 15}}", "targets: {qa: 15, tips: 15}, maxRejectRate: 0.03}"));
        CliRun.Result strict = run(
                "build",
                "--project",
                p2.toString(),
                "--out",
                dir.resolve("out3").toString());
        assertThat(strict.code()).as(strict.out()).isEqualTo(ExitCodes.REJECTS);
    }

    /** Issue 12 item 1: a user-provided file that is missing fails the build, naming the source and the path. */
    @Test
    void aMissingUserDataFileFailsTheBuildNamingSourceAndPath() throws Exception {
        Path p = project(false);
        Files.writeString(p, Files.readString(p).replace("path: d.jsonl", "path: data/nope.jsonl"));
        CliRun.Result r = run("build", "--project", p.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.err()).contains("spotter build: source 'd' (kind jsonl): no such file data/nope.jsonl");
        // a glob that matches nothing is just as missing
        Files.writeString(p, Files.readString(p).replace("path: data/nope.jsonl", "path: data/*.jsonl"));
        CliRun.Result glob = run("build", "--project", p.toString());
        assertThat(glob.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(glob.err()).contains("source 'd' (kind jsonl): no such file data/*.jsonl");
        // a generation source with no file yet is "to be generated", not an error: the clean project exits 0
        assertThat(run(
                                "build",
                                "--project",
                                project(false).toString(),
                                "--out",
                                dir.resolve("ok").toString())
                        .code())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void exportReadsTheBuildWhereBuildOutPutIt() throws Exception {
        Path p = project(false);
        Path built = dir.resolve("built-elsewhere");
        assertThat(run("build", "--project", p.toString(), "--out", built.toString())
                        .code())
                .isEqualTo(ExitCodes.OK);
        // the project's output.dir has no build: --project says so, --dataset reads where build --out wrote
        CliRun.Result none = run(
                "export",
                "--target",
                "together",
                "--project",
                p.toString(),
                "-o",
                dir.resolve("x").toString());
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(none.err())
                .contains("no built dataset in " + dir.resolve("out"))
                .contains("`spotter build --project " + p + "`") // CLI trial F25: no option --from exists
                .doesNotContain("--from");
        // issue 12 item 8: --from reads where build --out wrote
        CliRun.Result from = run(
                "export",
                "--target",
                "together",
                "--from",
                built.toString(),
                "-o",
                dir.resolve("f").toString());
        assertThat(from.code()).as(from.out() + from.err()).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("f/train.jsonl")).hasSameBinaryContentAs(built.resolve("messages/train.jsonl"));
        CliRun.Result ok = run(
                "export",
                "--target",
                "together",
                "--dataset",
                built.toString(),
                "-o",
                dir.resolve("t").toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(dir.resolve("t/train.jsonl")))
                .isEqualTo(Files.readAllLines(built.resolve("messages/train.jsonl")));
        assertThat(Files.readString(dir.resolve("t/job.json"))).contains("\"validation_file\" : \"validation.jsonl\"");
    }

    @Test
    void badProjectFileIsAUsageErrorNamingTheKey() throws Exception {
        Files.writeString(
                dir.resolve("bad.yaml"),
                "sources:\n  - {id: x, kind: jsonl, path: a.jsonl, category: c, targets: {c: -1}}\n");
        CliRun.Result r = run("build", "--project", dir.resolve("bad.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err()).contains("spotter: bad.yaml: sources[0].targets.c: expected a whole number >= 0, got '-1'");
        CliRun.Result missing =
                run("inventory", "--project", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(missing.err()).contains("no such project file");
    }

    @Test
    void theProviderKeyIsNeverPrintedNorWritten() throws Exception {
        Path p = project(false);
        String secret = "sk-ant-test-" + "Zq9".repeat(8);
        CliRun.Result r = CliRun.run(
                Environment.of(Map.of("SPOTTER_TEST_SECRET_KEY", secret)), "build", "--project", p.toString());
        String output = r.out() + r.err();
        assertThat(r.code()).as(output).isEqualTo(ExitCodes.OK);
        // with the key set, the need no longer asks for it, but the key itself appears nowhere
        assertThat(output)
                .contains("spotter generate coach-qa --provider anthropic")
                .doesNotContain("set $SPOTTER_TEST_SECRET_KEY");
        assertThat(output).doesNotContain(secret).doesNotContain("Zq9Zq9");
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("Zq9Zq9");
            }
        }
    }
}
