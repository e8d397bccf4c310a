package dev.bertlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.bertlab.classify.FinishedRuns;
import dev.bertlab.classify.TinySentimentModel;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.classify.DemoModelService;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Try it, the demo page and the admin page in Chromium, with a real (tiny) fine-tuned model. */
@Tag("spring")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClassifyPagesEndToEndTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("e2e-classify");
    private static final Pattern A_LABEL = Pattern.compile("negative|positive");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    TrainingRunRepository runs;

    @Autowired
    DemoModelService demoModels;

    @Autowired
    UserService users;

    private static long runId;

    @BeforeEach
    void aFinishedRun() {
        if (runId == 0) {
            runId = FinishedRuns.insert(experiments, runs, TinySentimentModel.runDirectory(), "amazon-tiny");
        }
    }

    @Test
    void tryItLabelsAReviewAsYouTypeAndScoresACsvFile() throws Exception {
        logIn("admin", "admin-password");
        page.navigate(url("/try"));
        assertThat(page.locator("#try-model")).isVisible();
        assertThat(page.locator("#try-message")).containsText("Type or paste");

        page.locator("#try-text textarea").fill("Great headset, the sound is crisp and the battery lasts a week.");
        assertThat(page.locator("#try-latency")).containsText("ms");
        assertThat(page.locator("#try-label")).hasText(A_LABEL);
        assertThat(page.locator("#try-probabilities-positive")).isVisible();
        screenshot("try-it");

        page.locator("#try-text textarea").fill("   ");
        assertThat(page.locator("#try-message")).containsText("empty");
        assertThat(page.locator("#try-label")).hasText("–");

        page.locator("#try-example-5").click();
        assertThat(page.locator("#try-text textarea")).hasValue(Pattern.compile("Two hours of my life"));
        assertThat(page.locator("#try-label")).hasText(A_LABEL);

        page.locator("#try-text textarea").fill("This blender is great. ".repeat(45_600));
        assertThat(page.locator("#try-notice")).containsText("1,048,800 characters");

        Path csv = DATA.resolve("reviews.csv");
        Files.writeString(csv, "id,review\n1,Works perfectly.\n2,Broke on day one.\n3,\"Fine, I guess.\"\n");
        page.locator("#try-upload input[type=file]").setInputFiles(csv);
        assertThat(page.locator("#try-file-info")).containsText("3 rows");
        assertThat(page.locator("#try-column")).containsText("review");
        page.locator("#try-score").click();
        assertThat(page.locator("#try-download")).isVisible();
        assertThat(page.locator("#try-batch-status")).hasText("Done");
        screenshot("try-it-batch");
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#try-download").click());
        assertThat(Files.readString(download.path())).startsWith("id,review,label,note,probability_negative,"
                + "probability_positive").contains("Broke on day one.");

        Path malformed = DATA.resolve("broken.csv");
        Files.writeString(malformed, "text\n\"never closed\n");
        page.locator("#try-upload input[type=file]").setInputFiles(malformed);
        assertThat(page.locator("#try-file-info")).containsText("not valid CSV");
    }

    @Test
    void anAdminPromotesTheDemoModelThatTheDemoPageShowsWithoutLogin() {
        asAdmin(() -> demoModels.clearDemo());
        try (BrowserContext stranger = newAnonymousContext()) {
            Page demo = stranger.newPage();
            demo.navigate(url("/demo"));
            assertThat(demo.locator("#demo-none")).isVisible();
            assertThat(demo.locator("vaadin-side-nav")).hasCount(0);
        }

        logIn("admin", "admin-password");
        page.navigate(url("/admin"));
        page.locator("#admin-tab-settings").click();
        page.locator("#admin-demo-model input").click();
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("amazon-tiny")).click();
        page.locator("#admin-demo-promote").click();
        assertThat(page.locator("#admin-demo-current")).containsText("Run " + runId);
        assertThat(page.locator("#admin-cpu-slots input")).hasValue("1");
        screenshot("admin-settings");

        try (BrowserContext stranger = newAnonymousContext()) {
            Page demo = stranger.newPage();
            demo.navigate(url("/demo"));
            demo.locator("#demo-text textarea").fill("Two hours of my life I will never get back.");
            assertThat(demo.locator("#demo-label")).hasText(A_LABEL);
            assertThat(demo.locator("vaadin-side-nav")).hasCount(0);
            Page admin = page;
            page = demo;
            screenshot("demo");
            page = admin;
        }
    }

    @Test
    void anAdminCreatesAUserAndIssuesATokenShownOnce() {
        logIn("admin", "admin-password");
        page.navigate(url("/admin"));
        page.locator("#admin-new-username input").fill("x");
        page.locator("#admin-new-create").click();
        assertThat(page.locator("#admin-new-username")).hasAttribute("invalid", "");
        page.locator("#admin-new-username input").fill("stakeholder");
        page.locator("#admin-new-password input").fill("stakeholder-password");
        page.locator("#admin-new-create").click();
        assertThat(page.locator("#admin-role-stakeholder")).isVisible();
        screenshot("admin-users");

        page.locator("#admin-tab-tokens").click();
        page.locator("#admin-token-name input").fill("evaluation script");
        page.locator("#admin-token-issue").click();
        Locator secret = page.locator("#admin-token-secret input");
        secret.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        assertThat(secret.inputValue()).startsWith("blt_");
        screenshot("admin-token-issued");
        page.locator("#admin-token-done").click();
        assertThat(page.locator("#admin-token-secret")).isHidden();
        assertThat(page.locator("#admin-tokens-grid")).containsText("evaluation script");
        assertThat(page.locator("#admin-tokens-grid")).containsText("never");
        screenshot("admin-tokens");
    }

    @Test
    void aViewerTriesTheClassifierButCannotOpenTheAdminPage() {
        asAdmin(() -> users.create("viewer", "viewer-password", Role.VIEWER));
        logIn("viewer", "viewer-password");
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Try it")))
                .isVisible();
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Admin")))
                .hasCount(0);
        page.navigate(url("/try"));
        page.locator("#try-text textarea").fill("Works as described.");
        assertThat(page.locator("#try-label")).hasText(A_LABEL);
        page.navigate(url("/admin"));
        assertThat(page.locator("#admin-tabs")).hasCount(0);
    }
}
