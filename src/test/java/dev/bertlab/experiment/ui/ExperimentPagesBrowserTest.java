package dev.bertlab.experiment.ui;

import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.WaitForSelectorState;
import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.MetricsJson;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogWriter;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.e2e.BrowserTest;
import dev.bertlab.support.DashboardTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * Smoke tests of the experiments, datasets and compare pages in Debian's Chromium: a form refuses a bad
 * hyperparameter on its field, a refinement needs its note, a malformed upload shows located problems, the
 * comparison highlights what differs, and a viewer cannot create. Screenshots go to target/screenshots/.
 */
@Tag("spring")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExperimentPagesBrowserTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("experiment-pages");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    TrainingRunRepository runs;

    @Autowired
    UserService users;

    @Test
    void anEditorDefinesRefinesAndComparesExperiments() throws IOException {
        logIn("admin", "admin-password");
        page.navigate(url("/experiments"));
        page.locator("#new-experiment").click();
        page.waitForURL(address -> address.endsWith("/experiments/new"));
        page.locator("#experiment-name input").fill("imdb minilm");
        page.locator("#hp-learning-rate input").fill("fast");
        page.locator("#save-experiment").click();
        page.locator("#hp-learning-rate[invalid]").waitFor();
        assertThat(page.locator("#hp-learning-rate").textContent()).contains("'fast' is not a number");
        screenshot("experiment-form-invalid");
        assertThat(experiments.count()).isZero();

        page.locator("#hp-learning-rate input").fill("5e-5");
        page.locator("#save-experiment").click();
        page.waitForURL(address -> address.matches(".*/experiments/\\d+$"));
        long parentId = Long.parseLong(page.url().replaceFirst(".*/", ""));

        page.locator("#refine-experiment").click();
        page.waitForURL(address -> address.endsWith("/refine"));
        page.locator("#save-experiment").click();
        page.locator("#refine-note[invalid]").waitFor();
        assertThat(experiments.count()).isEqualTo(1);
        page.locator("#refine-note textarea").fill("overfitting after epoch 1: classifier dropout 0.1 -> 0.3");
        page.locator("#hp-group-regularisation").click();
        page.locator("#hp-classifier-dropout input").fill("0.3");
        page.locator("#save-experiment").click();
        page.waitForURL(address -> address.matches(".*/experiments/\\d+$") && !address.endsWith("/" + parentId));
        long childId = Long.parseLong(page.url().replaceFirst(".*/", ""));
        assertThat(page.locator("#experiment-lineage li").count()).isEqualTo(2);
        assertThat(page.locator("#compare-with-parent").isDisabled()).isTrue();
        screenshot("experiment-detail");

        long before = finishedRun(parentId, "before", 0.80);
        long after = finishedRun(childId, "after", 0.86);
        page.navigate(url("/experiments/" + childId));
        page.waitForCondition(() -> page.locator("#experiment-runs").textContent().contains("#" + after));
        assertThat(page.locator("#experiment-runs").textContent()).contains("succeeded").contains("0.860");
        assertThat(page.locator("#experiment-runs span[theme='badge success']").count()).isEqualTo(1);
        assertThat(page.locator("a[href='compare?runs=" + before + "," + after + "']").count()).isEqualTo(1);
        page.navigate(url("/experiments"));
        page.waitForCondition(() -> page.locator("#experiments-grid").textContent().contains("0.800"));
        assertThat(page.locator("#experiments-grid").textContent()).contains("0.860");
        assertThat(page.locator("#experiments-grid span[theme='badge success']").count()).isEqualTo(2);
        page.navigate(url("/compare?runs=" + before + "," + after));
        page.locator("#compare-grid").waitFor();
        assertThat(page.locator("#compare-grid").textContent()).contains("classifier_dropout")
                .doesNotContain("learning_rate");
        page.locator("#show-all-hyperparameters").click();
        page.waitForCondition(() -> page.locator("#compare-grid").textContent().contains("learning_rate"));
        assertThat(page.locator("#compare-metrics").textContent()).contains("+0.0600");
        screenshot("compare");
    }

    @Test
    void aMalformedUploadShowsItsProblemsAndStoresNothing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path csv = Files.writeString(dir.resolve("broken.csv"), "review,label\n\"a fine film\",pos\na dull film\n");
        logIn("admin", "admin-password");
        page.navigate(url("/datasets"));
        page.locator("#upload-dataset input[type=file]").setInputFiles(csv);
        page.locator("#import-dataset").click();
        page.locator("#upload-errors").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE));
        assertThat(page.locator("#upload-errors").textContent()).contains("nothing was imported")
                .contains("this row has 1 fields");
        screenshot("datasets-upload-errors");
        assertThat(DATA.resolve("datasets").resolve("broken")).doesNotExist();
    }

    @Test
    void aViewerLooksButCannotCreate() {
        asAdmin(() -> users.create("viewer", "viewer-password", Role.VIEWER));
        logIn("viewer", "viewer-password");
        page.navigate(url("/experiments"));
        page.locator("#experiments-grid").waitFor();
        assertThat(page.locator("#new-experiment").count()).isZero();
        page.navigate(url("/experiments/new"));
        page.locator("#page-not-found").waitFor();
        assertThat(page.locator("#page-not-found").textContent()).contains("you are a viewer");
        screenshot("viewer-not-allowed");
        assertThat(page.locator("#save-experiment").count()).isZero();
        page.navigate(url("/datasets"));
        page.locator("#datasets-grid").waitFor();
        assertThat(page.locator("#upload-dataset").count()).isZero();
    }

    /** A succeeded run with a training log and test metrics, as the run feature leaves it. */
    private long finishedRun(long experimentId, String name, double accuracy) throws IOException {
        Experiment experiment = experiments.findById(experimentId).orElseThrow();
        RunDirectory directory = new RunDirectory(DATA.resolve("runs").resolve(name));
        try (TrainingLogWriter log = new TrainingLogWriter(directory.trainingLog())) {
            for (int step = 1; step <= 5; step++) {
                log.onStep(new TrainingEvents.StepLogged(step * 10, step / 5.0, 0.7 - accuracy * step / 10, 5e-5, 1,
                        10, 1000, 0.1, step));
            }
            log.onEvaluation(new TrainingEvents.Evaluated(50, 1, Map.of("loss", 1 - accuracy, "accuracy",
                    accuracy), true));
        }
        MetricsJson.write(ClassificationMetrics.compute(new int[] {0, 1, 1}, new float[][] {{0.8f, 0.2f},
                {0.3f, 0.7f}, {0.6f, 0.4f}}, List.of("negative", "positive")), directory.metrics("test"));
        TrainingRun run = new TrainingRun();
        run.setExperimentId(experimentId);
        run.setHyperparameters(experiment.getHyperparameters());
        run.setStatus(RunStatus.SUCCEEDED);
        run.setQueuedAt(Instant.now());
        run.setFinishedAt(Instant.now());
        run.setCreatedBy("admin");
        run.setRunDirectory(directory.root().toString());
        run.setTestMetrics(new LinkedHashMap<>(Map.of("accuracy", accuracy)));
        return runs.save(run).getId();
    }
}
