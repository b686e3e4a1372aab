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

    /**
     * "What the trainer learns": token streams render with the trained run highlighted (a computed background
     * that differs from the untrained tokens'), the special tokens marked, and the table of warnings per target.
     */
    @Test
    void theTrainerSectionShowsTrainedTokensHighlighted() throws Exception {
        assertThat(browser.raw().findElements(By.cssSelector("table.trainer tr")))
                .hasSize(6); // header + 5 targets
        WebElement first = browser.find(".tp .ts");
        assertThat(first.isDisplayed()).isTrue();
        String trained = browser.text(".tp .ts .tr");
        assertThat(trained).endsWith("<|eot_id|>").hasSizeGreaterThan("<|eot_id|>".length());
        String onTrained = String.valueOf(
                browser.js("return getComputedStyle(document.querySelector('.tp .ts .tr i')).backgroundColor"));
        String onUntrained = String.valueOf(browser.js(
                "return getComputedStyle(document.querySelector('.tp .ts .un i:not(.sp)')).backgroundColor"));
        assertThat(onTrained).isNotEqualTo(onUntrained);
        assertThat(browser.text(".tp .ts .un .sp")).isEqualTo("<|begin_of_text|>");
        // the trained text is an assistant answer of the upload file
        String answer = trained.substring(0, trained.length() - "<|eot_id|>".length());
        String body = String.join("\n", Files.readAllLines(dir.resolve("build/messages/train.jsonl")));
        assertThat(body).contains(answer.split("\n")[0].replace("\"", "\\\""));
        browser.js("document.querySelector('.tp').scrollIntoView()");
        browser.screenshot("report-trainer");
    }

    /** Markup in an example's content is text in the token stream: no element, no script runs. */
    @Test
    void markupInContentStaysText(@TempDir Path project) throws Exception {
        String payload = "<img src=x onerror=\\\"window.__xss=1\\\"><script>window.__xss=2</script>";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            lines.append("{\"messages\":[{\"role\":\"user\",\"content\":\"squat ")
                    .append(i)
                    .append(" ")
                    .append(payload)
                    .append("\"},{\"role\":\"assistant\",\"content\":\"noted ")
                    .append(i)
                    .append("\"}]}\n");
        }
        Files.writeString(project.resolve("x.jsonl"), lines);
        Files.writeString(project.resolve("spotter.yaml"), """
                name: xss
                seed: 1
                sources:
                  - {id: x, kind: jsonl, path: x.jsonl, category: c, targets: {c: 4}}
                output: {formats: [messages], dir: out}
                provider: {name: anthropic, apiKeyEnv: SPOTTER_TEST_FAKE_KEY}
                """);
        BuildPipeline.builder(ProjectLoader.load(project.resolve("spotter.yaml"), Environment.empty()))
                .outDir(project.resolve("out"))
                .build()
                .run();
        try (Browser b = new Browser()) {
            b.open(project.resolve("out/report.html").toUri().toString());
            assertThat(b.js("return String(window.__xss)")).isEqualTo("undefined");
            assertThat(b.raw().findElements(By.cssSelector(".tp img, .tp script")))
                    .isEmpty();
            assertThat(b.text(".tp .ts")).contains("<img src=x onerror=").contains("<script>window.__xss=2");
        }
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
