package dev.spotter.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.assemble.BuildPipeline;
import dev.spotter.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The build's report.html (spotter-core, assemble) opened from disk in Debian's headless chromium: what a data
 * scientist reads in it, the CSS-only quarantine filter, and wrapped code spans that keep their underscores. It
 * lives here because this module already drives the browser ({@link Browser}); the build is the sample project's.
 * Screenshots: spotter-review/target/screenshots/report-*.png (docs/areas/assemble.md).
 */
class ReportPageBrowserTest {
    static Browser browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildAndOpen() throws Exception {
        BuildPipeline.builder(ProjectLoader.load(Path.of("examples/spotter.yaml"), Environment.empty()))
                .outDir(dir.resolve("build"))
                .build()
                .run();
        browser = new Browser();
        browser.open(dir.resolve("build/report.html").toUri().toString());
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        browser.close();
    }

    @Test
    void exampleConversationsShowTheTrainFilesText() throws Exception {
        String firstUser = browser.text(".chat .turn.user");
        assertThat(firstUser).startsWith("USER").hasSizeGreaterThan(8);
        String body = String.join("\n", Files.readAllLines(dir.resolve("build/messages/train.jsonl")));
        // the text the page shows is a user turn of the upload file, as a person reads it
        assertThat(body)
                .contains(firstUser
                        .substring("USER".length())
                        .strip()
                        .split("\n")[0]
                        .replace("\"", "\\\""));
        browser.js("document.getElementById('examples').scrollIntoView()");
        browser.screenshot("report-examples");
    }

    @Test
    void theQuarantineFilterShowsOnlyTheChosenReason() throws Exception {
        List<WebElement> labels =
                browser.raw().findElements(By.cssSelector(".filter label[for^=qf-]:not([for=qf-all])"));
        assertThat(labels).hasSizeGreaterThan(1);
        int all = visibleRows().size();
        for (WebElement label : labels) {
            String text = label.getText(); // "invalid_json (3)"
            String reason = text.substring(0, text.indexOf(' '));
            int shown = Integer.parseInt(text.substring(text.indexOf('(') + 1, text.indexOf(')')));
            label.click();
            List<WebElement> rows = visibleRows();
            assertThat(rows).as(reason).hasSize(shown);
            rows.forEach(r ->
                    assertThat(r.findElement(By.cssSelector("code")).getText()).isEqualTo(reason));
        }
        browser.find("label[for=qf-all]").click();
        assertThat(visibleRows()).hasSize(all);
        browser.js("document.getElementById('quarantine').scrollIntoView()");
        labels.getFirst().click();
        browser.screenshot("report-quarantine");
        browser.find("label[for=qf-all]").click();
    }

    private static List<WebElement> visibleRows() {
        return browser.raw().findElements(By.cssSelector("table.quarantine tr.q")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    /**
     * A code span that wraps: no line's box (content area + padding, where its background paints) may reach into
     * the next line's, else the next line's background covers this line's underscores. The same span under the
     * old rule ({@code padding:1px 4px} at the default line height) does overlap, so the check can fail.
     */
    @Test
    void wrappedCodeSpansKeepTheirUnderscores() {
        String probe = """
                const host = document.createElement('p');
                host.className = 'note'; // 13px text, as in the tables and notes where commands wrap
                host.style.width = '260px';
                host.innerHTML = '<code>' + 'spotter generate --api-key-env ANTHROPIC_API_KEY '.repeat(4) + '</code>';
                document.body.appendChild(host);
                const code = host.firstChild;
                function overlap() {
                  const r = Array.from(code.getClientRects());
                  let worst = -1e9;
                  for (let i = 1; i < r.length; i++) worst = Math.max(worst, r[i - 1].bottom - r[i].top);
                  return [r.length, worst];
                }
                const now = overlap();
                host.style.lineHeight = 'normal';
                code.style.padding = '1px 4px';
                const old = overlap();
                host.remove();
                return now[0] + ' ' + now[1] + ' ' + old[1];
                """;
        String[] r = String.valueOf(browser.js(probe)).split(" ");
        assertThat(Integer.parseInt(r[0])).as("lines").isGreaterThan(2);
        assertThat(Double.parseDouble(r[1])).as("overlap now").isLessThanOrEqualTo(0.0);
        assertThat(Double.parseDouble(r[2])).as("overlap under the old rule").isGreaterThan(0.0);
    }
}
