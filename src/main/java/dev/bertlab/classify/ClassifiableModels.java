package dev.bertlab.classify;

import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The models one can classify with: finished runs whose exported model is still on disk. */
@Service
public class ClassifiableModels {

    private final TrainingRunRepository runs;
    private final ExperimentService experiments;

    public ClassifiableModels(TrainingRunRepository runs, ExperimentService experiments) {
        this.runs = runs;
        this.experiments = experiments;
    }

    /** Newest first. */
    public List<ClassifiableModel> list() {
        Map<Long, Experiment> byId = experiments.all().stream()
                .collect(Collectors.toMap(Experiment::getId, Function.identity(), (a, b) -> a));
        return runs.findByStatusIn(List.of(RunStatus.SUCCEEDED)).stream()
                .map(run -> describe(run, byId.get(run.getExperimentId())))
                .flatMap(Optional::stream)
                .sorted((a, b) -> Long.compare(b.runId(), a.runId()))
                .toList();
    }

    public Optional<ClassifiableModel> find(long runId) {
        return runs.findById(runId).filter(run -> run.getStatus() == RunStatus.SUCCEEDED)
                .flatMap(run -> describe(run, experiments.find(run.getExperimentId()).orElse(null)));
    }

    private static Optional<ClassifiableModel> describe(TrainingRun run, Experiment experiment) {
        if (run.getRunDirectory() == null) {
            return Optional.empty();
        }
        Path model = new RunDirectory(Path.of(run.getRunDirectory())).model();
        if (!Files.isRegularFile(model.resolve("config.json"))) {
            return Optional.empty();
        }
        Truncation truncation = run.getHyperparameters() == null ? Truncation.HEAD
                : run.getHyperparameters().truncationRule();
        String name = experiment == null ? "experiment " + run.getExperimentId() : experiment.getName();
        String dataset = experiment == null ? "?" : experiment.getDataset();
        String baseModel = experiment == null ? "?" : experiment.getBaseModel();
        return Optional.of(new ClassifiableModel(run.getId(), name, dataset, baseModel, run.getFinishedAt(),
                run.getTestMetrics().get("accuracy"), model, truncation));
    }
}
