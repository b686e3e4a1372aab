package dev.spotter.review.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Debian's headless chromium driven by Selenium through Debian's chromedriver (no Selenium Manager, no download),
 * with the flags that keep chromium off the closed network. One per test class: starting it costs about a second.
 */
final class Browser implements AutoCloseable {
    static final Path SHOTS = Path.of("spotter-review/target/screenshots");
    final ChromeDriver driver;
    private final Path profile;

    /** Selenium logs a warning per session that it has no DevTools bindings for this chromium: not ours to fix. */
    private static final java.util.logging.Logger CDP =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    static {
        CDP.setLevel(java.util.logging.Level.SEVERE);
    }

    Browser() throws IOException {
        profile = Files.createTempDirectory("spotter-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /** A second, independent browser profile window is a second reviewer: a new driver. */
    void open(String url) {
        driver.get(url);
    }

    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Ctrl+Enter as a person presses it (a chord string does not set ctrlKey in chromedriver). */
    void ctrlEnter() {
        new Actions(driver)
                .keyDown(org.openqa.selenium.Keys.CONTROL)
                .sendKeys(org.openqa.selenium.Keys.ENTER)
                .keyUp(org.openqa.selenium.Keys.CONTROL)
                .perform();
    }

    WebElement find(String css) {
        waitFor(() -> present(css), "element " + css);
        return driver.findElement(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return find(css).getText();
    }

    @org.jspecify.annotations.Nullable
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to 10 s for the condition. */
    void waitFor(BooleanSupplier s, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        @org.jspecify.annotations.Nullable RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (s.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(
                "timed out waiting for " + what + " (page: " + driver.getCurrentUrl() + ")\n"
                        + driver.findElement(By.tagName("body")).getText(),
                last);
    }

    /** Waits until the element's text contains {@code part}. */
    void waitText(String css, String part) {
        waitFor(
                () -> present(css)
                        && driver.findElement(By.cssSelector(css)).getText().contains(part),
                css + " ∋ " + part);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    WebDriver raw() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var s = Files.walk(profile)) {
            s.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
