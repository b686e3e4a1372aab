package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.kernel.Html;
import dev.spotter.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html shows the data: the build's own examples, rejects, PII and duplicates, escaped and masked. */
class ReportDataTest {
    static final String HOSTILE = "squat <5 reps> & \\\"rest\\\" </div><b>ANTHROPIC_API_KEY</b>";

    @TempDir
    static Path dir;

    static String html;

    @BeforeAll
    static void buildOnce() throws Exception {
        BuildFixture.write(dir);
        Files.writeString(
                dir.resolve("c.jsonl"),
                BuildFixture.line(HOSTILE, "log it: 5 reps", "markup") + "\n"
                        + BuildFixture.line("another markup line " + BuildFixture.words(300, 12), "ok", "markup")
                        + "\n");
        Files.writeString(
                dir.resolve("spotter.yaml"),
                BuildFixture.yaml(
                        "  - {id: c, kind: jsonl, path: c.jsonl, categoryField: category, targets: {markup: 2}}\n"));
        BuildPipeline.builder(ProjectLoader.load(dir.resolve("spotter.yaml"), Environment.empty()))
                .outDir(dir.resolve("out"))
                .build()
                .run();
        html = Files.readString(dir.resolve("out/report.html"));
    }

    @Test
    void aTrainExampleAppearsAsChatTurnsEscaped() {
        String user = "squat <5 reps> & \"rest\" </div><b>ANTHROPIC_API_KEY</b>";
        assertThat(html).contains("<b>user</b>" + Html.escape(user)).doesNotContain(user);
        assertThat(html).contains("<b>assistant</b>log it: 5 reps");
        // every stratum with a train example has one on the page
        assertThat(html).contains("data-id=\"a:a.jsonl:").contains("data-id=\"b:b.jsonl:");
    }

    @Test
    void quarantineShowsFileLineAndReasonWithAFilterPerReason() {
        assertThat(html).contains("<td>a.jsonl:86</td><td><code>invalid_json</code>");
        assertThat(html).contains("{this is not json");
        assertThat(html)
                .containsPattern("<input type=\"radio\" name=\"qf\" id=\"qf-(\\d)\"><label for=\"qf-\\1\">"
                        + "invalid_json \\(1\\)</label>");
        assertThat(html).containsPattern("\\.filter:has\\(#qf-\\d:checked\\) tr.q:not\\(.q-\\d\\)\\{display:none}");
    }

    @Test
    void piiIsShownMaskedBeforeAndReplacedAfter() {
        assertThat(html).doesNotContain("jo.doe@example.com").doesNotContain("555-0198");
        assertThat(html).contains("email me at j•.•••@•••••••.•••").contains("email me at [EMAIL]");
    }

    @Test
    void duplicatePairsShowBothTexts() {
        String dropped = Html.escape(BuildFixture.words(50, 40) + " please");
        assertThat(html)
                .contains("<code>a:a.jsonl:84</code> → <code>a:a.jsonl:81</code>")
                .contains("user: " + dropped);
    }

    @Test
    void trainableTokenHistogramsCompareTheSplits() {
        assertThat(html).containsPattern("Over (\\d+) train and (\\d+) validation examples");
        assertThat(html).contains("trainable (assistant) tokens per example (bin start)");
        assertThat(html).contains("<td>c / markup</td><td class=\"n\">2</td>");
    }

    @Test
    void staysOffline() {
        assertThat(html).doesNotContain("<script").doesNotContain("http:").doesNotContain("https:");
    }
}
