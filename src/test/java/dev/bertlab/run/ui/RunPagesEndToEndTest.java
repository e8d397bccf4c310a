package dev.bertlab.run.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bertlab.support.Acting.asAdmin;
import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.bertlab.e2e.BrowserTest;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The runs list, the run page (finished and live) and the schedules page, in Chromium. */
@Tag("spring")
@Tag("browser")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RunPagesEndToEndTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("e2e-runs");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

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

    @Autowired
    UserService users;

    @Test
    void aFinishedRunShowsItsCurvesMetricsMistakesAndDownloads() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "finished", 64, hp -> hp);
        TrainingRun run = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        TinyRuns.await("the run to end", RUN_TIMEOUT, () -> runs.get(run.getId()).getStatus().isFinal());
        assertThat(runs.get(run.getId()).getStatus()).isEqualTo(RunStatus.SUCCEEDED);

        logIn("admin", "admin-password");
        page.navigate(url("/runs"));
        Locator row = page.locator("#runs-grid").getByText("#" + run.getId());
        assertThat(row).isVisible();
        assertThat(page.locator("#runs-grid [data-status=SUCCEEDED]").first()).isVisible();
        screenshot("runs");

        row.click();
        page.waitForURL(u -> u.endsWith("/runs/" + run.getId()));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "SUCCEEDED");
        assertThat(page.locator("#run-progress-text")).containsText("step 4 / 4");
        assertThat(page.locator("#experiment-link")).hasText("finished");
        assertThat(page.locator("#final-metrics")).containsText("accuracy");
        assertThat(page.locator("#confusion-matrix canvas").first()).isVisible();
        assertThat(page.locator("#loss-chart canvas").first()).isVisible();
        assertThat(page.locator("#log-tail")).containsText("SUCCEEDED");
        assertThat(page.locator("#misclassified-note")).not().containsText("Reading");
        assertThat(page.locator("#misclassified-note")).containsText("misclassified");
        tallScreenshot("run-finished");

        Download predictions = page.waitForDownload(() -> page.locator("#download-test-predictions").click());
        assertThat(Files.readAllLines(predictions.path()).get(0)).startsWith("id,gold,predicted,confidence");
        Download model = page.waitForDownload(() -> page.locator("#download-model").click());
        assertThat(model.suggestedFilename()).isEqualTo("run-" + run.getId() + "-model.zip");
        assertThat(zipEntries(model.path())).contains("run-" + run.getId() + "-model/config.json",
                "run-" + run.getId() + "-model/model.safetensors", "run-" + run.getId() + "-model/tokenizer.json")
                .doesNotContain("run-" + run.getId() + "-model/model.onnx");

        // a run saved before models were exported to ONNX gets its graph written on the first download
        Path onnxBeside = Path.of(runs.find(run.getId()).orElseThrow().getRunDirectory()).resolve("model")
                .resolve("model.onnx");
        assertThat(onnxBeside).exists();
        Files.delete(onnxBeside);
        Download onnx = page.waitForDownload(() -> page.locator("#download-model-onnx").click());
        assertThat(onnx.suggestedFilename()).isEqualTo("run-" + run.getId() + "-model.onnx");
        assertThat(onnxBeside).exists();
        try (ai.onnxruntime.OrtSession session = ai.onnxruntime.OrtEnvironment.getEnvironment()
                .createSession(onnx.path().toString())) {
            assertThat(session.getInputNames()).containsExactlyInAnyOrder("input_ids", "attention_mask",
                    "token_type_ids");
            assertThat(session.getOutputNames()).containsExactly("logits");
            assertThat(session.getMetadata().getCustomMetadata()).containsKey("labels");
        }

        // the int8 variant is measured on the run's own test split before anyone is offered it
        assertThat(page.locator("#int8-report")).containsText("Not measured yet");
        page.locator("#int8-measure").click();
        assertThat(page.locator("#int8-report")).containsText("test examples", withinText(120));
        assertThat(page.locator("#int8-report")).containsText("smaller");
        assertThat(onnxBeside.resolveSibling("model.int8.onnx")).exists();
        assertThat(onnxBeside.resolveSibling("int8.json")).exists();
    }

    @Test
    void anEditorWatchesARunLiveCancelsItAndResumesIt() {
        Experiment experiment = TinyRuns.experiment(experiments, "live", 480, hp -> hp
                .evalStrategy(Hyperparameters.EvalStrategy.NO).saveStrategy(Hyperparameters.SaveStrategy.NO));
        logIn("admin", "admin-password");
        TrainingRun run = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        page.navigate(url("/runs/" + run.getId()));

        // pushed while the page is open: progress, log lines, the state
        assertThat(page.locator("#run-progress-text")).containsText("/ 30", withinText(60));
        assertThat(page.locator("#log-tail")).containsText("step 3 ", withinText(60));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "RUNNING");
        screenshot("run-live");

        page.locator("#cancel-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "CANCELLED",
                within(60));
        assertThat(page.locator("#run-reason")).containsText("cancelled at step");
        int stoppedAt = runs.get(run.getId()).getStep();
        assertThat(stoppedAt).isLessThan(30);

        page.locator("#resume-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "SUCCEEDED", within(120));
        assertThat(page.locator("#run-progress-text")).containsText("step 30 / 30");
        assertThat(page.locator("#log-tail")).containsText("resuming after step " + stoppedAt);
        tallScreenshot("run-resumed");
    }

    @Test
    void aViewerSeesRunsButNoActions() {
        Experiment experiment = TinyRuns.experiment(experiments, "viewed", 64, hp -> hp);
        TrainingRun later = asEditor(() -> runs.runAt(experiment.getId(), Instant.now().plusSeconds(24 * 3600),
                "tester"));
        asAdmin(() -> users.create("viewer", "viewer-password", Role.VIEWER));

        logIn("viewer", "viewer-password");
        page.navigate(url("/runs/" + later.getId()));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "QUEUED");
        assertThat(page.locator("#cancel-run")).isHidden();
        assertThat(page.locator("#resume-run")).isHidden();
        page.navigate(url("/runs"));
        assertThat(page.locator("#runs-grid")).isVisible();
        assertThat(page.locator("#queue-run")).hasCount(0);
        page.navigate(url("/schedules"));
        assertThat(page.locator("#schedules-grid")).isVisible();
        assertThat(page.locator("#new-schedule")).hasCount(0);
        asEditor(() -> runs.cancel(later.getId(), "tester"));
    }

    @Test
    void anEditorSchedulesAnExperimentNightlyAndQueuesARunFromTheList() {
        Experiment experiment = TinyRuns.experiment(experiments, "scheduled", 64, hp -> hp);
        logIn("admin", "admin-password");

        page.navigate(url("/schedules"));
        page.locator("#new-schedule").click();
        chooseIn("#schedule-experiment", "scheduled");
        page.locator("#schedule-cron input").fill("every night");
        page.locator("#schedule-save").click();
        assertThat(page.locator("#schedule-cron")).containsText("a cron expression has five fields");
        page.locator("#schedule-cron input").fill("0 1 * * *");
        page.locator("#schedule-save").click();
        assertThat(page.locator("#schedules-grid")).containsText("nightly at 01:00");
        assertThat(page.locator("#schedules-grid")).containsText("0 0 1 * * ?");
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        screenshot("schedules");

        page.navigate(url("/runs"));
        page.locator("#queue-run").click();
        chooseIn("#queue-experiment", "scheduled");
        page.locator("#queue-run-confirm").click();
        page.waitForURL(u -> u.matches(".*/runs/\\d+$"));
        long id = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
        assertThat(runs.get(id).getExperimentId()).isEqualTo(experiment.getId());
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "SUCCEEDED", within(120));
    }

    /** The whole run page: the layout scrolls inside the viewport, so the viewport grows for the picture. */
    private void tallScreenshot(String name) {
        page.setViewportSize(1280, 2900);
        page.waitForTimeout(500);
        screenshot(name);
        page.setViewportSize(1280, 900);
    }

    private void chooseIn(String comboBox, String text) {
        page.locator(comboBox + " input").fill(text);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    private static List<String> zipEntries(Path zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Waits up to this many seconds for a text. */
    private static LocatorAssertions.ContainsTextOptions withinText(double seconds) {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(seconds * 1000);
    }

    /** Waits up to this many seconds for an attribute. */
    private static LocatorAssertions.HasAttributeOptions within(double seconds) {
        return new LocatorAssertions.HasAttributeOptions().setTimeout(seconds * 1000);
    }
}
