package dev.bertlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bertlab.engine.sweep.SweepPlan;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.security.Role;
import dev.bertlab.security.SystemAuthentication;
import dev.bertlab.support.DashboardApplicationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@DashboardApplicationTest
class SweepServiceTest {

    @Autowired
    SweepService sweeps;

    @Autowired
    SweepRepository sweepRows;

    @Autowired
    ExperimentService experiments;

    @Autowired
    TrainingRunRepository runs;

    @Autowired
    dev.bertlab.run.RunService runService;

    @Test
    void aGridSweepScheduledForTonightQueuesItsRunsAndRanksThemAsTheyFinish() {
        Experiment experiment = TinyRuns.experiment(experiments, "swept", 64, hp -> hp);
        Instant tonight = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Sweep sweep = asEditor(() -> sweeps.start(new SweepRequest("lr x dropout", experiment.getId(),
                SearchSpaceText.parse("learning_rate: 2e-5, 5e-5\nclassifier_dropout: 0.1, 0.3"),
                SweepPlan.Strategy.GRID, 3, "accuracy", 1, tonight), "editor"));

        List<TrainingRun> queued = runs.findBySweepId(sweep.getId());
        assertThat(queued).hasSize(3).allSatisfy(run -> {
            assertThat(run.getStatus()).isEqualTo(RunStatus.QUEUED);
            assertThat(run.getScheduledFor()).isEqualTo(tonight);
        });
        assertThat(queued).extracting(r -> r.getHyperparameters().learningRate() + "/"
                + r.getHyperparameters().classifierDropout()).containsExactlyInAnyOrder("2.0E-5/0.1", "2.0E-5/0.3",
                "5.0E-5/0.1");

        finish(queued.get(0), 0.71);
        finish(queued.get(1), 0.84);
        List<SweepTrial> trials = sweeps.trials(sweep);
        assertThat(trials.get(0).run().getId()).isEqualTo(queued.get(1).getId());
        assertThat(trials.get(0).best()).isTrue();
        assertThat(trials.get(0).values()).containsKeys("learning_rate", "classifier_dropout");
        assertThat(trials.get(1).score()).isEqualTo(0.71);
        assertThat(trials.get(2).score()).isNull();
        assertThat(trials.stream().filter(SweepTrial::best)).hasSize(1);

        // the application is shared with other classes: nothing of this sweep stays queued for tonight
        asEditor(() -> {
            runService.cancel(queued.get(2).getId(), "editor");
            return null;
        });
        assertThat(runs.findById(queued.get(2).getId()).orElseThrow().getStatus()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void anInvalidTrialStoresNothingAndAViewerCannotSweep() {
        Experiment experiment = TinyRuns.experiment(experiments, "refused", 64, hp -> hp);
        long before = sweepRows.count();
        assertThatThrownBy(() -> asEditor(() -> sweeps.start(new SweepRequest("bad", experiment.getId(),
                SearchSpaceText.parse("learning_rate: 2e-5, -1"), SweepPlan.Strategy.GRID, 4, "accuracy", 1, null),
                "editor"))).hasMessageContaining("learning_rate");
        assertThat(sweepRows.count()).isEqualTo(before);
        assertThat(runs.findAll()).noneMatch(r -> r.getExperimentId().equals(experiment.getId()));
        assertThatThrownBy(() -> SystemAuthentication.callAs(Role.VIEWER, () -> sweeps.start(new SweepRequest("v",
                experiment.getId(), SearchSpaceText.parse("epochs: 1, 2"), SweepPlan.Strategy.GRID, 2, "accuracy",
                1, null), "viewer"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SearchSpaceText.parse("learning_rate 2e-5")).hasMessageContaining("line 1");
    }

    private void finish(TrainingRun run, double accuracy) {
        run.setStatus(RunStatus.SUCCEEDED);
        run.setTestMetrics(new LinkedHashMap<>(Map.of("accuracy", accuracy)));
        runs.save(run);
    }

    private static <T> T asEditor(java.util.function.Supplier<T> work) {
        return SystemAuthentication.callAs(Role.EDITOR, work);
    }
}
