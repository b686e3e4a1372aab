package dev.spotter.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void smoke() throws Exception {
        try (ReviewServer s = ReviewServer.builder()
                .source(Fixtures.injury(dir))
                .source(Fixtures.running(dir))
                .source(Fixtures.kb(dir))
                .decisions(dir.resolve("state/review.db"))
                .start()) {
            browser.open(s.url().toString());
            browser.find("#reviewer").sendKeys("ana\n");
            browser.find("#home tr[data-batch]");
            browser.screenshot("home");
            browser.keys("\n");
            browser.find("#conversation");
            browser.screenshot("record");
            assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
        }
    }
}
