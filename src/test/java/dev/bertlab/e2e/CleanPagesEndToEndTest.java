package dev.bertlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8's "no console error on any page": every page of the dashboard, opened in Chromium as the admin, loads
 * without a console error (a Content-Security-Policy violation is one), without a request answered 400 or worse,
 * and without a failed request (a redirect loop is one); the login page opened directly too.
 */
@Tag("spring")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CleanPagesEndToEndTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("e2e-clean-pages");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.threads", () -> "1");
        TinyRuns.shareMiniLm(DATA);
    }

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    /** What went wrong while a page loaded: console errors, failed requests, answers of 400 and above. */
    private static final class Problems {
        final List<String> found = new ArrayList<>();

        Problems(Page page) {
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type()) || m.text().contains("Content Security Policy")) {
                    found.add("console " + m.type() + ": " + m.text() + " (" + m.location() + ")");
                }
            });
            page.onPageError(e -> found.add("page error: " + e));
            page.onRequestFailed(r -> {
                // leaving a page aborts its unload beacons (Vaadin's last UIDL message, the push close): not a fault
                boolean beacon = r.url().contains("v-r=uidl") || r.url().contains("X-Atmosphere-Transport=close");
                if (!(beacon && "net::ERR_ABORTED".equals(r.failure()))) {
                    found.add("request failed: " + r.method() + " " + chain(r) + " " + r.failure());
                }
            });
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    found.add("HTTP " + r.status() + ": " + r.request().method() + " " + r.url());
                }
            });
        }

        /** The request's URL with the redirects that led to it, first first. */
        private static String chain(Request request) {
            StringBuilder chain = new StringBuilder(request.url());
            for (Request from = request.redirectedFrom(); from != null; from = from.redirectedFrom()) {
                chain.insert(0, from.url() + " -> ");
            }
            return chain.toString();
        }

        List<String> take() {
            List<String> now = List.copyOf(found);
            found.clear();
            return now;
        }
    }

    @Test
    void theLoginPageOpenedDirectlyLoadsCleanlyAndLetsTheAdminIn() {
        Problems problems = new Problems(page);
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForTimeout(500);
        screenshot("clean-login");
        assertThat(problems.take()).as("problems while /login loaded").isEmpty();

        logIn("admin", "admin-password");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(problems.take()).as("problems while logging in").isEmpty();
    }

    @Test
    void everyPageLoadsWithoutAConsoleErrorOrAFailedRequest() {
        Experiment experiment = TinyRuns.experiment(experiments, "clean-pages", 32, hp -> hp);
        TrainingRun run = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        TinyRuns.await("the run to end", Duration.ofSeconds(180), () -> runs.get(run.getId()).getStatus().isFinal());
        assertThat(runs.get(run.getId()).getStatus()).isEqualTo(RunStatus.SUCCEEDED);
        long e = experiment.getId();
        long r = run.getId();

        Problems problems = new Problems(page);
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Map<String, List<String>> byPage = new LinkedHashMap<>();
        byPage.put("/login", problems.take());
        logIn("admin", "admin-password");

        // every route of the application (sweeps/{id} needs a sweep's runs: the sweep list stands for it)
        List<String> paths = List.of("/", "/experiments", "/experiments/new", "/experiments/" + e,
                "/experiments/" + e + "/refine", "/runs", "/runs/" + r, "/runs/" + r + "/evaluation", "/sweeps",
                "/schedules", "/workers", "/datasets", "/compare?runs=" + r + "," + r, "/try", "/admin", "/demo");
        for (String path : paths) {
            page.navigate(url(path));
            page.locator(path.equals("/demo") ? "#demo" : "vaadin-app-layout").waitFor();
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.waitForTimeout(700);
            byPage.put(path, problems.take());
        }
        // the charts still draw under the Content-Security-Policy
        page.navigate(url("/runs/" + r));
        assertThat(page.locator("#loss-chart canvas").first()).isVisible();
        page.navigate(url("/runs/" + r + "/evaluation"));
        assertThat(page.locator("#roc-chart canvas").first()).isVisible();
        screenshot("clean-evaluation");
        page.waitForTimeout(500);
        byPage.put("charts", problems.take());

        byPage.values().removeIf(List::isEmpty);
        assertThat(byPage).as("pages with problems").isEmpty();
    }
}
