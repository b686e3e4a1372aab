package dev.spotter.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.Spotter;
import dev.spotter.assemble.AccountingStats;
import dev.spotter.assemble.BuildResult;
import dev.spotter.review.ReviewApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The whole loop in Debian's headless chromium: {@code build} holds the unreviewed generated source back → the
 * review app started through the facade (as {@code spotter review} starts it) → a batch reviewed by keyboard
 * (accept, reject with a reason and a note, accept, sign off) → {@code build} again ships exactly the accepted
 * records, quarantines the rejected one and still counts the other batch as pending review.
 */
class ReviewLoopBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Browser browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        browser.close();
    }

    @Test
    void buildReviewInTheBrowserBuildAgainShowsTheDecisionsInTheAccounting() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String f : new String[] {"injury_analysis.jsonl", "injury_analysis.provenance.jsonl"}) {
            Files.copy(Path.of("examples/assemble/generated").resolve(f), dir.resolve(f));
        }
        lines.addAll(Files.readAllLines(dir.resolve("injury_analysis.jsonl")));
        Path project = dir.resolve("spotter.yaml");
        Files.writeString(project, """
                name: loop
                sources:
                  - id: injury
                    kind: generation
                    plan: injury
                    path: injury_analysis.jsonl
                    categoryField: category
                    categorySidecar: .provenance.jsonl
                review:
                  batchSize: 3
                output: {dir: out}
                """);
        Spotter spotter = Spotter.create();

        BuildResult before = spotter.build(project, null);
        assertThat(before.summary().accounting().pendingReview()).isEqualTo(6);
        assertThat(before.summary().accounting().train()
                        + before.summary().accounting().validation())
                .isZero();

        try (ReviewApp.Running app = spotter.review(project, ReviewApp.Options.defaults())) {
            browser.open(app.url().toString());
            browser.js("localStorage.clear(); sessionStorage.clear();");
            browser.open(app.url().toString());
            browser.find("#reviewer").sendKeys("ana\n");
            browser.waitText("#home tr[data-batch]", "lines-1-3");
            browser.keys(Keys.ENTER); // the first batch
            browser.waitFor(() -> browser.present("#conversation"), "record 1");
            browser.keys("a");
            browser.waitFor(() -> "line:2".equals(shown()), "record 2");
            browser.keys("r", "2");
            browser.waitFor(() -> browser.present("#reasons li.sel[data-code=unsafe_advice]"), "reason 2");
            browser.keys("keeps loading a painful joint", Keys.ENTER);
            browser.waitFor(() -> "line:3".equals(shown()), "record 3");
            browser.keys("a");
            browser.find("#done");
            browser.keys("S");
            browser.find("#signoff-name");
            browser.keys(Keys.ENTER);
            browser.waitText("#done", "passed");
        }

        BuildResult after = spotter.build(project, null);
        AccountingStats acc = after.summary().accounting();
        assertThat(acc.ok()).as(acc.problems().toString()).isTrue();
        assertThat(acc.read()).isEqualTo(6);
        assertThat(acc.train() + acc.validation()).isEqualTo(2);
        assertThat(acc.quarantined()).isEqualTo(1);
        assertThat(acc.pendingReview()).isEqualTo(3);
        List<String> shipped = new ArrayList<>();
        for (String split : new String[] {"train", "validation"}) {
            for (String l : Files.readAllLines(after.layout().split("messages", split))) {
                shipped.add(answer(l));
            }
        }
        assertThat(shipped).containsExactlyInAnyOrder(answer(lines.get(0)), answer(lines.get(2)));
        JsonNode q =
                JSON.readTree(Files.readAllLines(after.layout().quarantine()).getFirst());
        assertThat(q.get("reason").asText()).isEqualTo("review_rejected");
        assertThat(q.get("detail").asText()).isEqualTo("unsafe_advice: keeps loading a painful joint");
        assertThat(q.get("line").asLong()).isEqualTo(2);
        var batch = after.summary().review().getFirst().batches().getFirst();
        assertThat(batch.state()).isEqualTo("passed");
        assertThat(batch.signedOffBy()).isEqualTo("ana");
        assertThat(Files.readString(after.layout().report()))
                .contains("Human review")
                .contains("+ 3 pending review")
                .contains("ana at ");
        assertThat(after.pendingReview()).singleElement().asString().contains("lines-4-6: in-review");
    }

    private static String shown() {
        var l = browser.raw().findElements(org.openqa.selenium.By.cssSelector("#conversation"));
        try {
            return l.isEmpty() ? "" : String.valueOf(l.getFirst().getDomAttribute("data-record"));
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return "";
        }
    }

    private static String answer(String line) throws Exception {
        JsonNode m = JSON.readTree(line).get("messages");
        return m.get(m.size() - 1).get("content").asText();
    }
}
