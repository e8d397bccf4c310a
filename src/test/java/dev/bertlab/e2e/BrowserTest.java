package dev.bertlab.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End-to-end tests drive Debian's Chromium through Playwright against the application started on a random port.
 * Playwright never downloads a browser here (there is no internet): the skip flag and the executable path see to it.
 */
public abstract class BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    /** What the browser showed when a test failed, to read the failure from a picture. */
    @RegisterExtension
    final AfterTestExecutionCallback failureScreenshots = test -> {
        if (test.getExecutionException().isPresent() && this.page != null && !this.page.isClosed()) {
            screenshot("FAILED-" + test.getRequiredTestClass().getSimpleName() + "-"
                    + test.getRequiredTestMethod().getName());
        }
    };

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("bertlab.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A second browser, with no login: a visitor's. */
    protected BrowserContext newAnonymousContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    /** Logs in through the login form and waits until the dashboard shows. */
    protected void logIn(String username, String password) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").fill(username);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]")
                .first().click();
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("vaadin-app-layout").waitFor();
    }

    /** Saves a full-page screenshot under target/screenshots/. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
