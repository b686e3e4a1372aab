package dev.spotter.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.review.DecisionStore;
import dev.spotter.review.ReviewGate;
import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.SourceReview;
import dev.spotter.review.SourceReview.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The review page in Debian's headless chromium: a whole batch by keyboard, restart, hostile content, the pace and
 * knowledge-base views, and two reviewers at once. The docs' screenshots are taken here
 * (spotter-review/target/screenshots).
 */
class ReviewBrowserTest {
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

    private static void login(Browser b, String url, String name) {
        b.open(url);
        b.js("localStorage.clear(); sessionStorage.clear();");
        b.open(url);
        b.find("#reviewer").sendKeys(name + "\n");
        b.find("#home tr[data-batch]");
    }

    /** The record the page shows, waiting for one. */
    private static String record(Browser b) {
        b.waitFor(() -> !peek(b).isEmpty(), "a record view");
        return peek(b);
    }

    private static String peek(Browser b) {
        var l = b.raw().findElements(By.cssSelector("#conversation"));
        try {
            return l.isEmpty() ? "" : String.valueOf(l.getFirst().getDomAttribute("data-record"));
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return ""; // re-rendered meanwhile
        }
    }

    /** Waits for the record view to show another record than {@code before}. */
    private static String next(Browser b, String before) {
        b.waitFor(() -> b.present("#done") || !peek(b).isEmpty() && !before.equals(peek(b)), "next record");
        return b.present("#done") ? "" : peek(b);
    }

    @Test
    void aWholeBatchByKeyboardThenARestartFindsEveryDecision() throws Exception {
        ReviewSource src = Fixtures.injury(dir);
        Path db = dir.resolve("state/review.db");
        try (ReviewServer s = ReviewServer.builder().source(src).decisions(db).start()) {
            login(browser, s.url().toString(), "ana");
            browser.screenshot("home");
            browser.keys(Keys.ENTER);
            assertThat(record(browser)).isEqualTo("acute_0_a1");
            String page = browser.find("body").getText();
            assertThat(page).doesNotContain(Fixtures.KEY_MARKER).contains("[redacted]");
            assertThat(browser.raw().getPageSource()).doesNotContain(Fixtures.KEY_MARKER);
            browser.screenshot("record-injury");
            browser.keys("a"); // accept

            assertThat(next(browser, "acute_0_a1")).isEqualTo("acute_1_a1");
            browser.keys("r");
            browser.find("#reject-panel");
            browser.keys("2");
            browser.waitFor(() -> browser.present("#reasons li.sel[data-code=unsafe_advice]"), "reason 2 selected");
            browser.keys("tells the user to keep training", Keys.ENTER); // note, then reject

            assertThat(next(browser, "acute_1_a1")).isEqualTo("chronic-overuse_2_a1");
            browser.waitText("#checks", "probability_sum");
            browser.keys("e");
            WebElement area = browser.find("textarea[data-turn='2']");
            browser.ctrlEnter(); // unchanged: the check still fails
            browser.waitText("#edit-checks", "probability_sum");
            assertThat(browser.text("#edit-checks")).contains("cannot be accepted");
            browser.screenshot("edit-failing-check");
            String fixed = String.valueOf(area.getDomProperty("value"))
                    .replace("\"probability\" : 0.9", "\"probability\" : 0.6");
            assertThat(fixed).contains("0.6");
            area.clear();
            area.sendKeys(fixed);
            browser.ctrlEnter();

            assertThat(next(browser, "chronic-overuse_2_a1")).isEqualTo("acute_3_a1");
            assertThat(browser.text("#conversation")).contains("70%"); // wrong types shown as they are
            browser.keys("r", "7", Keys.ENTER); // formatting

            assertThat(next(browser, "acute_3_a1")).isEqualTo("impingement_4_a1");
            WebElement user = browser.find(".turn.user .text");
            assertThat(user.getDomAttribute("dir")).isEqualTo("auto");
            assertThat(user.getText()).isEqualTo(Fixtures.RTL);
            browser.keys("a");

            assertThat(next(browser, "impingement_4_a1")).isEqualTo("acute_5_a1");
            browser.keys("a");
            browser.find("#done");
            browser.keys("u"); // undo the last accept: record 6 is open and pending again
            browser.waitFor(() -> browser.present("#conversation") && "acute_5_a1".equals(record(browser)), "undo");
            browser.waitText("#decision", "pending");
            browser.keys("a");
            browser.find("#done");
            browser.keys("S");
            browser.find("#signoff-name");
            browser.keys(Keys.ENTER);
            browser.waitText("#done", "passed");
            browser.keys("h");
            browser.waitText("#home tr[data-batch]", "passed");
            browser.screenshot("home-passed");
        }
        try (ReviewServer s = ReviewServer.builder().source(src).decisions(db).start()) {
            login(browser, s.url().toString(), "ana"); // a new port is a new origin: the page asks the name again
            browser.waitText("#home tr[data-batch]", "passed");
            String row = browser.text("#home tr[data-batch]");
            assertThat(row).contains("lines-1-6 6 6 3 2 1 0"); // records reviewed accepted rejected edited pending
        }
        try (ReviewGate gate = ReviewGate.open(db)) {
            SourceReview r = gate.review("injury", src.data(), src.sidecar(), "", ReviewPolicy.defaults());
            List<String> kinds = new ArrayList<>();
            for (var rec : r.index().records()) {
                kinds.add(r.verdict(rec).getClass().getSimpleName());
            }
            assertThat(kinds).containsExactly("Accepted", "Rejected", "Edited", "Rejected", "Accepted", "Accepted");
            Verdict.Rejected rej =
                    (Verdict.Rejected) r.verdict(r.index().records().get(1));
            assertThat(rej.decision().reason()).isEqualTo("unsafe_advice");
            assertThat(rej.decision().note()).isEqualTo("tells the user to keep training");
            assertThat(rej.decision().reviewer()).isEqualTo("ana");
            Verdict.Edited ed = (Verdict.Edited) r.verdict(r.index().records().get(2));
            assertThat(ed.editedLine()).contains("\"probability\\\":0.6").doesNotContain("\\\"probability\\\":0.9");
            assertThat(ed.decision().original())
                    .isEqualTo(Files.readAllLines(src.data()).get(2));
        }
        assertThat(Files.readString(db, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(Fixtures.KEY_MARKER);
    }

    @Test
    void htmlAndScriptInRecordsRenderAsTextAndNeverRun() throws Exception {
        try (ReviewServer s = ReviewServer.builder()
                .source(Fixtures.injury(dir))
                .decisions(dir.resolve("review.db"))
                .start()) {
            login(browser, s.url().toString(), "ana");
            browser.keys("l"); // list view: the excerpt holds the user's <script>
            browser.waitText("#list", "<script>");
            browser.find("#list tr[data-index='1']").click();
            browser.waitFor(
                    () -> browser.present("#conversation") && "acute_1_a1".equals(record(browser)), "xss record");
            String text = browser.text("#conversation");
            assertThat(text).contains(Fixtures.XSS_USER, Fixtures.XSS_SUMMARY, Fixtures.XSS_CONDITION);
            List<WebElement> injected =
                    browser.raw().findElements(By.cssSelector("#main script, #main img, #main svg, #main iframe"));
            assertThat(injected).isEmpty();
            browser.screenshot("xss-as-text");
            browser.keys("v"); // the raw JSON view too
            browser.waitFor(() -> browser.present("#conversation pre.raw"), "raw view");
            assertThat(browser.text("#conversation pre.raw")).contains("onerror");
            browser.keys("p"); // and the system prompt
            Thread.sleep(300); // give any injected handler the chance to fire
            assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
            assertThat(browser.raw().findElements(By.cssSelector("#main img, #main script, #main svg")))
                    .isEmpty();
        }
    }

    @Test
    void paceAnswersShowSpotterBesideTheModelAndKbAnswersBesideTheirChunk() throws Exception {
        try (ReviewServer s = ReviewServer.builder()
                .source(Fixtures.running(dir))
                .source(Fixtures.kb(dir))
                .decisions(dir.resolve("review.db"))
                .start()) {
            login(browser, s.url().toString(), "ana");
            browser.keys(Keys.ENTER); // running, record 1: right
            browser.waitText(".pace-box", "agrees");
            browser.keys("j");
            browser.waitText(".pace-box", "wrong");
            String pace = browser.text(".pace-box");
            assertThat(pace).contains("45:00", "50:00", "calc_wrong");
            browser.waitText("#checks", "calc_wrong");
            browser.screenshot("record-pace");
            browser.keys("h");
            browser.find("#home tr[data-batch]");
            browser.keys("j", Keys.ENTER); // kb batch
            browser.find("#chunk");
            browser.waitFor(
                    () -> !browser.raw()
                                    .findElements(By.cssSelector("#chunk mark.word"))
                                    .isEmpty()
                            && !browser.raw()
                                    .findElements(By.cssSelector(".turn.assistant mark"))
                                    .isEmpty(),
                    "highlights");
            assertThat(browser.text(".grounding")).contains("score");
            assertThat(browser.text("#checks")).contains("generator checks (kb/");
            browser.screenshot("record-kb");
            browser.keys("l");
            browser.find("#list");
            browser.screenshot("list");
        }
    }

    @Test
    void twoReviewersInTwoBrowsersNeverGetTheSameRecordAndNeverOverwriteEachOther() throws Exception {
        ReviewSource src = Fixtures.injury(dir);
        Path db = dir.resolve("review.db");
        try (ReviewServer s = ReviewServer.builder().source(src).decisions(db).start();
                Browser other = new Browser()) {
            login(browser, s.url().toString(), "ana");
            login(other, s.url().toString(), "bo");
            browser.keys(Keys.ENTER);
            other.keys(Keys.ENTER);
            Set<String> ana = new HashSet<>();
            Set<String> bo = new HashSet<>();
            String a = record(browser);
            String b = record(other);
            assertThat(a).isNotEqualTo(b);
            // bo opens ana's record from the list: read only, accepting is refused by the server too
            other.keys("l");
            other.find("#list tr[data-index='0']").click();
            other.waitFor(() -> other.present("#leased"), "leased banner");
            assertThat(other.text("#leased")).contains("ana");
            assertThat(other.find("#btn-accept").isEnabled()).isFalse();
            Object status = other.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "const tok = document.querySelector('meta[name=spotter-token]').content;"
                            + "fetch('/api/decide', {method: 'POST', headers: {'X-Spotter-Token': tok, 'Content-Type': 'application/json'},"
                            + " body: JSON.stringify({session: sessionStorage.getItem('spotter.session'), source: 'injury', index: 0,"
                            + " hash: arguments[0], action: 'accept', replaces: 0})}).then(r => done(r.status));",
                    dev.spotter.review.SourceIndex.contentHash(
                            Files.readAllLines(src.data()).get(0)));
            assertThat(status).isEqualTo(409L);
            other.keys("n"); // back to bo's own queue
            other.waitFor(() -> other.present("#conversation") && !"acute_0_a1".equals(record(other)), "bo's record");
            b = record(other);
            while (!a.isEmpty() || !b.isEmpty()) {
                if (!a.isEmpty()) {
                    assertThat(a).isNotEqualTo(b);
                    ana.add(a);
                    browser.keys("a");
                    a = next(browser, a);
                }
                if (!b.isEmpty()) {
                    bo.add(b);
                    other.keys("a");
                    b = next(other, b);
                }
            }
            assertThat(ana).doesNotContainAnyElementsOf(bo);
            assertThat(ana.size() + bo.size()).isEqualTo(6);
            assertThat(bo).isNotEmpty();
        }
        try (DecisionStore st = DecisionStore.open(db)) {
            var live = st.live("injury");
            assertThat(live).hasSize(6);
            assertThat(live.values().stream().map(d -> d.reviewer()).distinct()).containsExactlyInAnyOrder("ana", "bo");
        }
    }
}
