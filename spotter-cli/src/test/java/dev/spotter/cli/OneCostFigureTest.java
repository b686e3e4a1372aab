package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 9: one cost figure. For the bundled sample, {@code inventory}, the dataset card and the build's
 * summary print the same training-cost figure (one function words it), measured without zero-token rows and
 * without scientific notation.
 */
class OneCostFigureTest {
    @TempDir
    Path dir;

    private static final Pattern FIGURE =
            Pattern.compile("[\\d,]+ examples x [\\d,]+ tokens \\(mean of [\\d,]+ measured examples\\) x \\d+ epochs"
                    + " = [\\d,]+ tokens x \\$[\\d.]+ per 1K tokens = \\$\\d+\\.\\d\\d");

    private static String figure(String where, String text) {
        Matcher m = FIGURE.matcher(text);
        assertThat(m.find()).as("a cost figure in %s:%n%s", where, text).isTrue();
        return m.group();
    }

    @Test
    void inventoryCardAndBuildSummaryPrintTheSameFigure() throws Exception {
        CliRun.Result inv = CliRun.run("inventory", "--project", "examples/spotter.yaml");
        assertThat(inv.code()).as(inv.err()).isZero();
        Path out = dir.resolve("sample");
        CliRun.Result build = CliRun.run("build", "--project", "examples/spotter.yaml", "--out", out.toString());
        assertThat(build.code()).as(build.out() + build.err()).isZero();
        String card = Files.readString(out.resolve("README.md"));

        String fromInventory = figure("inventory", inv.out());
        assertThat(figure("the dataset card", card)).isEqualTo(fromInventory);
        assertThat(figure("the build summary", build.out())).isEqualTo(fromInventory);
        assertThat(inv.out() + card + build.out()).doesNotContainPattern("\\dE-\\d");
        // the 150 rows the build synthesizes are not counted as 0-token examples in the mean
        assertThat(fromInventory).doesNotContain("mean of 0 ");
    }
}
