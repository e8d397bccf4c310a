package dev.bertlab.classify;

import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records a finished run of an experiment, as the runs feature leaves one, pointing at a run directory. */
public final class FinishedRuns {

    private FinishedRuns() {
    }

    /** @return the run's id */
    public static long insert(ExperimentRepository experiments, TrainingRunRepository runs, RunDirectory directory,
            String experimentName) {
        Experiment experiment = new Experiment();
        experiment.setName(experimentName);
        experiment.setDataset("amazon");
        experiment.setBaseModel("all-MiniLM-L6-v2");
        experiment.setHyperparameters(Hyperparameters.builder().maxLength(64).build());
        experiment.setCreatedBy("admin");
        experiment.setCreatedAt(Instant.now());
        experiment.setUpdatedAt(Instant.now());
        experiment = experiments.save(experiment);
        TrainingRun run = new TrainingRun();
        run.setExperimentId(experiment.getId());
        run.setHyperparameters(experiment.getHyperparameters());
        run.setStatus(RunStatus.SUCCEEDED);
        run.setQueuedAt(Instant.now());
        run.setFinishedAt(Instant.now());
        run.setRunDirectory(directory.root().toString());
        run.setTestMetrics(new LinkedHashMap<>(Map.of("accuracy", 0.75)));
        run.setCreatedBy("admin");
        return runs.save(run).getId();
    }
}
