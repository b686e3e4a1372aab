package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSampleCasesAgreeWithTheirLabels() {
        CliRun.Result r = CliRun.run("check", "examples/check/clinical-cases.jsonl");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out())
                .contains("line 1 [good-cauda]: ACCEPT  (want accept: ok)")
                .contains("line 2 [hostile-cauda-reduce-50]: REJECT rf_modifications")
                .contains("line 6 [hostile-660mg-caffeine]: REJECT caffeine_dose, caffeine_mg_per_kg")
                .contains("checked 8 cases: 3 accepted, 5 rejected, 0 unreadable")
                .contains("hostile (want reject): 5 of 5 rejected (100.0%); good (want accept): 3 of 3 accepted"
                        + " (100.0%); 0 disagreement(s)");
    }

    @Test
    void disagreementsAndUnreadableLinesExitOne() throws Exception {
        Path f = dir.resolve("cases.jsonl");
        String good = Files.readAllLines(Path.of("examples/check/clinical-cases.jsonl"))
                .getFirst();
        Files.writeString(
                f,
                good.replace("\"want\":\"accept\"", "\"want\":\"reject\"") + "\n"
                        + "{not json\n"
                        + "{\"id\":\"x\",\"category\":\"no-such-category\",\"answer\":{}}\n");
        CliRun.Result r = CliRun.run("check", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("(want reject: DISAGREES)")
                .contains(f + ":2: cannot check: not JSON")
                .contains(f + ":3 [x]: cannot check: plan injury has no category 'no-such-category'");
    }

    @Test
    void defaultsFromTheCommandLine() throws Exception {
        Path f = dir.resolve("one.jsonl");
        String line = Files.readAllLines(Path.of("examples/check/clinical-cases.jsonl"))
                .getFirst();
        // strip the case's own scenario: the --expect default applies (dvt urgency differs from cauda equina's)
        String bare = "{\"answer\":" + line.substring(line.indexOf("\"answer\":") + 9);
        Files.writeString(f, bare + "\n");
        CliRun.Result r = CliRun.run("check", "--expect", "red_flag:dvt", f.toString());
        assertThat(r.out()).contains("REJECT").contains("rf_urgency").contains("rf_id");
        CliRun.Result ok = CliRun.run("check", "--expect", "red_flag:cauda_equina", f.toString());
        assertThat(ok.out()).contains("ACCEPT");
    }

    @Test
    void theExpectDefaultLeavesCasesWithTheirOwnCategoryAloneAndRefusesAnUnknownRedFlag() {
        // CLI re-trial N2: --expect red_flag:X turned line 4 (category doms-false-positive) into a red-flag scenario
        CliRun.Result r =
                CliRun.run("check", "--expect", "red_flag:cauda_equina", "examples/check/clinical-cases.jsonl");
        CliRun.Result plain = CliRun.run("check", "examples/check/clinical-cases.jsonl");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(plain.out());
        CliRun.Result typo =
                CliRun.run("check", "--expect", "red_flag:nonexistent", "examples/check/clinical-cases.jsonl");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err().strip())
                .startsWith("spotter check: --expect red_flag:nonexistent: unknown red flag 'nonexistent' (known: ")
                .contains("cauda_equina")
                .endsWith("(see spotter check --help)");
        assertThat(typo.out()).isEmpty();
    }
}
