package dev.bertlab.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.classify.FinishedRuns;
import dev.bertlab.classify.TinySentimentModel;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.settings.SettingsService;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A fresh installation seeds its experiments, queues the quickstart run, and turns its model into the demo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuickstartTest extends dev.bertlab.e2e.BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("quickstart");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.quickstart", () -> "true");
    }

    @Autowired
    QuickstartService quickstart;

    @Autowired
    ExperimentService experiments;

    @Autowired
    ExperimentRepository experimentRows;

    @Autowired
    TrainingRunRepository runRows;

    @Autowired
    RunService runs;

    @Autowired
    RunEvents events;

    @Autowired
    SettingsService settings;

    @Test
    void theFirstStartSeedsTheExperimentsAndQueuesTheQuickstartWhoseModelBecomesTheDemo() throws Exception {
        List<Experiment> seeded = experiments.all();
        assertThat(seeded).extracting(Experiment::getName).contains(SeedExperiments.QUICKSTART_NAME, SeedExperiments.STORY_NAME,
                "IMDb sentiment: bert-base-uncased (GPU recipe)");
        Experiment gpuRecipe = seeded.stream().filter(e -> e.getBaseModel().equals("bert-base-uncased")).findFirst()
                .orElseThrow();
        assertThat(gpuRecipe.getHyperparameters().learningRate()).isEqualTo(2e-5);
        assertThat(gpuRecipe.getHyperparameters().batchSize()).isEqualTo(8);
        assertThat(gpuRecipe.getHyperparameters().epochs()).isEqualTo(3);
        assertThat(gpuRecipe.getHyperparameters().weightDecay()).isEqualTo(0.01);

        TrainingRun queued = quickstart.quickstartRun().orElseThrow();
        assertThat(queued.getStatus()).isIn(RunStatus.QUEUED, RunStatus.RUNNING);

        // what a new user sees first: the quickstart on the home page, live
        logIn("admin", "admin-password");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#quickstart-status"))
                .containsText("MiniLM learning IMDb review sentiment on this machine");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#quickstart-progress"))
                .isVisible();
        screenshot("home-quickstart");
        runs.cancel(queued.getId(), "tester");

        // a finished quickstart (here: a tiny real model standing in for it) becomes the demo model
        long finished = FinishedRuns.insert(experimentRows, runRows, TinySentimentModel.copy("quickstart-demo"),
                "quickstart stand-in");
        settings.set(QuickstartService.RUN_SETTING, Long.toString(finished));
        assertThat(settings.demoRunId()).isEmpty();
        events.publish(new RunEvent.StateChanged(finished, RunStatus.SUCCEEDED, null));
        assertThat(settings.demoRunId()).contains(finished);
    }
}
