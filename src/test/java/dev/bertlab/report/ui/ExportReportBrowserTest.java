package dev.bertlab.report.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.experiment.ExperimentStage;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A viewer opens a debugged experiment in Debian's Chromium and downloads its family's report. The screenshot goes to
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportReportBrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("export-report");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    @LocalServerPort
    int port;

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    UserService users;

    @BeforeAll
    static void launch() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aViewerDownloadsTheFamilyReport() throws Exception {
        Experiment root = experiments.save(experiment("Sentiment <first> try", null, null));
        Experiment child = experiments.save(experiment("Sentiment, longer inputs", root.getId(),
                "max_length 8 -> 32 because most texts were cut"));
        users.create("viewer", "viewer-password", Role.VIEWER);

        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true));
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.locator("input[name='username']").fill("viewer");
        page.locator("input[name='password']").fill("viewer-password");
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(address -> !address.contains("/login"));

        page.navigate("http://localhost:" + port + "/experiments/" + child.getId());
        page.locator("#export-report").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                "experiment-export-report.png")));
        Download report = page.waitForDownload(() -> page.locator("#export-report").click());

        assertThat(report.suggestedFilename()).isEqualTo("bertlab-report-sentiment-longer-inputs.html");
        String html = Files.readString(report.path(), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Sentiment &lt;first&gt; try")
                .contains("max_length 8 -&gt; 32 because most texts were cut")
                .contains("There are no results yet");
        context.close();
    }

    private static Experiment experiment(String name, Long parentId, String changeNote) {
        Experiment experiment = new Experiment();
        experiment.setName(name);
        experiment.setDataset("imdb");
        experiment.setBaseModel("all-MiniLM-L6-v2");
        experiment.setHyperparameters(Hyperparameters.builder().epochs(1).build());
        experiment.setParentId(parentId);
        experiment.setChangeNote(changeNote);
        experiment.setStage(parentId == null ? ExperimentStage.INITIAL : ExperimentStage.DEBUGGED);
        experiment.setCreatedBy("admin");
        experiment.setCreatedAt(Instant.now());
        experiment.setUpdatedAt(Instant.now());
        return experiment;
    }
}
