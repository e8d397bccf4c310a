package dev.bertlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bertlab.support.Acting.asAdmin;
import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The editor's story from the issue, in Chromium and with real training: define an experiment on a tiny slice in
 * the form, queue it for later, run it now and watch it finish, refine it with a note, run the refinement, and
 * compare the two side by side from the refinement's page. Then a sweep over the same experiment, ranked.
 */
@Tag("spring")
@Tag("browser")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DashboardStoryEndToEndTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("e2e-story");
    private static final double RUN_SECONDS = 180;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.threads", () -> "1");
        TinyRuns.shareMiniLm(DATA);
    }

    @Autowired
    UserService users;

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    dev.bertlab.dataset.DatasetService datasets;

    @Test
    void anEditorDefinesRunsRefinesAndComparesAnExperiment() {
        asAdmin(() -> users.create("editor", "editor-password", Role.EDITOR));
        logIn("editor", "editor-password");

        page.navigate(url("/experiments"));
        page.locator("#new-experiment").click();
        page.waitForURL(u -> u.endsWith("/experiments/new"));
        page.locator("#experiment-name input").fill("story: amazon minilm");
        chooseIn("#experiment-dataset", "amazon");
        chooseIn("#experiment-base-model", "all-MiniLM-L6-v2");
        page.locator("#subset-train input").fill("64");
        page.locator("#subset-validation input").fill("32");
        page.locator("#subset-test input").fill("32");
        page.locator("#experiment-notes textarea").fill("MiniLM should separate short Amazon sentences quickly.");
        page.locator("#hp-learning-rate input").fill("5e-5");
        page.locator("#hp-batch-size input").fill("16");
        page.locator("#hp-epochs input").fill("1");
        page.locator("#hp-group-lengths").click();
        page.locator("#hp-max-length input").fill("32");
        page.locator("#hp-group-evaluation").click();
        page.locator("#hp-logging-steps input").fill("1");
        page.locator("#save-experiment").click();
        page.waitForURL(u -> u.matches(".*/experiments/\\d+$"));
        long parentId = idAtEndOf(page.url());
        assertThat(page.locator("#experiment-title")).hasText("story: amazon minilm");
        screenshot("story-experiment");

        // queued for later (tonight, say): it waits, and cancelling it leaves the slot to the run below
        page.navigate(url("/runs"));
        page.locator("#queue-run").click();
        chooseIn("#queue-experiment", "story: amazon minilm");
        page.getByText("At a date and time").click();
        assertThat(page.locator("#queue-at")).isVisible();
        page.locator("#queue-run-confirm").click();
        page.waitForURL(u -> u.matches(".*/runs/\\d+$"));
        long later = idAtEndOf(page.url());
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "QUEUED");
        assertThat(runs.get(later).getScheduledFor()).isNotNull();
        page.locator("#cancel-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "CANCELLED");

        long before = runFromExperimentPage(parentId, "story-run-before");

        page.navigate(url("/experiments/" + parentId));
        page.locator("#refine-experiment").click();
        page.waitForURL(u -> u.endsWith("/refine"));
        page.locator("#refine-note textarea").fill("one epoch underfits a 64-example slice: 3 epochs, lr 1e-4");
        page.locator("#hp-learning-rate input").fill("1e-4");
        page.locator("#hp-epochs input").fill("3");
        page.locator("#save-experiment").click();
        page.waitForURL(u -> u.matches(".*/experiments/\\d+$") && !u.endsWith("/" + parentId));
        long childId = idAtEndOf(page.url());
        assertThat(page.locator("#experiment-lineage li")).hasCount(2);
        assertThat(page.locator("#experiment-change-note")).containsText("3 epochs, lr 1e-4");

        long after = runFromExperimentPage(childId, "story-run-after");

        page.navigate(url("/experiments/" + childId));
        assertThat(page.locator("#compare-with-parent")).isEnabled();
        page.locator("#compare-with-parent").click();
        page.waitForURL(u -> u.contains("/compare?runs="));
        assertThat(page.url()).endsWith("/compare?runs=" + before + "," + after);
        assertThat(page.locator("#compare-grid")).containsText("learning_rate");
        assertThat(page.locator("#compare-grid")).containsText("epochs");
        assertThat(page.locator("#compare-grid")).not().containsText("max_length");
        assertThat(page.locator("#compare-metrics")).containsText("accuracy");
        assertThat(page.locator("#compare-significance .significance-verdict")).containsText("McNemar p");
        assertThat(page.locator("#compare-significance")).containsText("95% CI");
        assertThat(page.locator("#compare-confusion echart-view")).hasCount(2);
        assertThat(page.locator("#confusion-" + after + " canvas").first()).isVisible();
        assertThat(page.locator("#compare-training-loss canvas").first()).isVisible();
        page.setViewportSize(1280, 2400);
        screenshot("story-compare");
        page.setViewportSize(1280, 900);
    }

    @Test
    void anEditorSweepsTheLearningRateAndSeesTheRunsRanked() {
        Experiment experiment = TinyRuns.experiment(experiments, "sweep base", 64, hp -> hp);
        logIn("admin", "admin-password");
        page.navigate(url("/sweeps"));
        page.locator("#new-sweep").click();
        chooseIn("#sweep-experiment", "sweep base");
        page.locator("#sweep-name input").fill("learning rate, tiny");
        page.locator("#sweep-space textarea").fill("learning_rate: 1e-5, 1e-4\nclassifier_dropout: 0.1\n");
        page.locator("#sweep-budget input").fill("2");
        page.locator("#sweep-start").click();
        page.waitForURL(u -> u.matches(".*/sweeps/\\d+$"));
        assertThat(page.locator("#sweep-trials vaadin-grid-cell-content [data-status]")).hasCount(2);

        List<TrainingRun> trials = runs.forSweep(idAtEndOf(page.url()));
        assertThat(trials).hasSize(2).allSatisfy(run -> assertThat(run.getExperimentId())
                .isEqualTo(experiment.getId()));
        TinyRuns.await("both sweep runs to end", java.time.Duration.ofSeconds((long) RUN_SECONDS * 2),
                () -> trials.stream().allMatch(run -> runs.get(run.getId()).getStatus().isFinal()));
        assertThat(trials).allSatisfy(run -> assertThat(runs.get(run.getId()).getStatus())
                .isEqualTo(RunStatus.SUCCEEDED));
        page.reload();
        assertThat(page.getByText("best", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)))
                .hasCount(1);
        assertThat(page.locator("#sweep-scatter-learning-rate canvas").first()).isVisible();
        assertThat(page.locator("#sweep-parallel canvas").first()).isVisible();
        page.setViewportSize(1280, 2000);
        screenshot("sweep");
        page.setViewportSize(1280, 900);
        page.navigate(url("/sweeps"));
        assertThat(page.locator("#sweeps-grid")).containsText("learning rate, tiny");
        screenshot("sweeps");
    }

    @Test
    void aRunFlaggedForHeavyTruncationIsFixedInOneClick() {
        Experiment experiment = TinyRuns.experiment(experiments, "cut short", 64, hp -> hp.maxLength(8));
        TrainingRun run = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        TinyRuns.await("the run to end", java.time.Duration.ofSeconds((long) RUN_SECONDS),
                () -> runs.get(run.getId()).getStatus().isFinal());

        logIn("admin", "admin-password");
        page.navigate(url("/runs/" + run.getId()));
        Locator card = page.locator("#diagnoses .diagnosis[data-kind=HEAVY_TRUNCATION]");
        assertThat(card).containsText("longer than max_length 8");
        assertThat(card).containsText("Settings: max_length");
        assertThat(page.locator("#log-tail")).containsText("data diagnosis: heavy truncation");
        page.setViewportSize(1280, 1600);
        screenshot("run-diagnoses");
        page.setViewportSize(1280, 900);

        page.locator("#apply-fix-heavy-truncation").click();
        page.waitForURL(u -> u.matches(".*/experiments/\\d+$") && !u.endsWith("/" + experiment.getId()));
        long fixedId = idAtEndOf(page.url());
        assertThat(page.locator("#experiment-change-note")).containsText("heavy truncation");
        assertThat(page.locator("#experiment-lineage")).containsText("debugged");
        Experiment fixed = experiments.get(fixedId);
        assertThat(fixed.getParentId()).isEqualTo(experiment.getId());
        assertThat(fixed.getHyperparameters().maxLength()).isGreaterThan(8);
        assertThat(fixed.getHyperparameters().learningRate()).isEqualTo(experiment.getHyperparameters()
                .learningRate());
        screenshot("experiment-debugged");
    }

    @Test
    void aFinishedRunIsEvaluatedInDepthAndOnAnotherDataset() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "evaluated", 64, hp -> hp);
        TrainingRun run = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        TinyRuns.await("the run to end", java.time.Duration.ofSeconds((long) RUN_SECONDS),
                () -> runs.get(run.getId()).getStatus().isFinal());
        // another dataset with the same classes, for the cross-domain check
        StringBuilder csv = new StringBuilder("review,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append("\"A wonderful film, number ").append(i).append(", I loved it\",positive\n")
                    .append("\"A dull film, number ").append(i).append(", I hated it\",negative\n");
        }
        java.nio.file.Path file = java.nio.file.Files.writeString(DATA.resolve("films.csv"), csv);
        dev.bertlab.security.SystemAuthentication.callAs(Role.EDITOR, () -> datasets.importDataset(
                dev.bertlab.engine.data.importing.ImportRequest.builder("films", file,
                        dev.bertlab.engine.data.importing.ColumnMapping.of("review", "label")).build()));

        logIn("admin", "admin-password");
        page.navigate(url("/runs/" + run.getId()));
        page.locator("#open-evaluation").click();
        page.waitForURL(u -> u.endsWith("/runs/" + run.getId() + "/evaluation"));
        assertThat(page.locator("#roc-chart canvas").first()).isVisible();
        assertThat(page.locator("#pr-chart canvas").first()).isVisible();
        assertThat(page.locator("#reliability-chart canvas").first()).isVisible();
        assertThat(page.locator("#length-chart canvas").first()).isVisible();
        assertThat(page.locator("#calibration-text")).containsText("Temperature scaling fitted on validation: T = ");
        assertThat(page.locator("#threshold-text")).containsText("Decision threshold tuned on validation");

        page.locator("#check-sample input").fill("24");
        page.locator("#run-tta").click();
        assertThat(page.locator("#model-checks")).containsText("test-time augmentation",
                new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(page.locator("#model-checks")).containsText("accuracy");
        page.locator("#check-dataset").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("films")).click();
        page.locator("#run-cross-domain").click();
        assertThat(page.locator("#model-checks")).containsText("cross-domain",
                new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(page.locator("#model-checks")).containsText("films");
        page.setViewportSize(1280, 2000);
        screenshot("evaluation");
        page.setViewportSize(1280, 900);
    }

    /** Runs the experiment from its page and waits on the run page until the progress reaches the end. */
    private long runFromExperimentPage(long experimentId, String screenshotName) {
        page.navigate(url("/experiments/" + experimentId));
        page.locator("#run-experiment").click();
        page.waitForURL(u -> u.matches(".*/runs/\\d+$"));
        long runId = idAtEndOf(page.url());
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "SUCCEEDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(RUN_SECONDS * 1000));
        int steps = runs.get(runId).getTotalSteps();
        assertThat(page.locator("#run-progress-text")).containsText("step " + steps + " / " + steps);
        assertThat(page.locator("#final-metrics")).containsText("accuracy");
        screenshot(screenshotName);
        return runId;
    }

    private void chooseIn(String comboBox, String text) {
        page.locator(comboBox + " input").fill(text);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    private static long idAtEndOf(String url) {
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }
}
