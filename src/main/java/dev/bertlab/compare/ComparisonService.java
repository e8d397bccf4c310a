package dev.bertlab.compare;

import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.MetricsJson;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Puts finished runs side by side, from the database (settings, final metrics) and their run directories. */
@Service
public class ComparisonService {

    /** The name the training loss goes by in {@link MetricHistory}. */
    public static final String TRAINING_LOSS = "training loss";

    private final RunService runs;
    private final ExperimentService experiments;

    public ComparisonService(RunService runs, ExperimentService experiments) {
        this.runs = runs;
        this.experiments = experiments;
    }

    /** Runs that have ended (in any final state), newest first, for the picker. */
    public List<RunChoice> finishedRuns() {
        Map<Long, String> names = experimentNames();
        return runs.all().stream().filter(run -> run.getStatus().isFinal())
                .map(run -> new RunChoice(run.getId(), "#" + run.getId() + " " + names.getOrDefault(
                        run.getExperimentId(), "experiment " + run.getExperimentId()) + " · " + run.getStatus()))
                .toList();
    }

    /** The runs of {@code runIds} that exist, in the order given (duplicates dropped), side by side. */
    public RunComparison compare(List<Long> runIds) {
        Map<Long, String> names = experimentNames();
        List<ComparedRun> compared = runIds.stream().distinct().map(runs::find).flatMap(Optional::stream)
                .map(run -> read(run, names.getOrDefault(run.getExperimentId(), "experiment "
                        + run.getExperimentId())))
                .toList();
        return new RunComparison(compared,
                HyperparameterDiff.rows(compared.stream().map(c -> c.run().getHyperparameters()).toList()),
                metricRows(compared), histories(compared));
    }

    private ComparedRun read(TrainingRun run, String experimentName) {
        if (run.getRunDirectory() == null) {
            return new ComparedRun(run, experimentName, emptyLog(), null,
                    "the run has no directory yet");
        }
        RunDirectory directory = new RunDirectory(Path.of(run.getRunDirectory()));
        List<String> problems = new ArrayList<>();
        TrainingLogReader.Log log;
        try {
            log = TrainingLogReader.read(directory.trainingLog());
        } catch (IOException e) {
            problems.add("cannot read " + directory.trainingLog().getFileName() + ": " + e.getMessage());
            log = emptyLog();
        }
        ClassificationMetrics test = null;
        Path metrics = directory.metrics("test");
        if (Files.isRegularFile(metrics)) {
            try {
                test = MetricsJson.readClassification(metrics);
            } catch (IOException | RuntimeException e) {
                // a regression run's metrics have no confusion matrix; anything else is worth saying
                if (!isRegression(run)) {
                    problems.add("cannot read " + metrics.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return new ComparedRun(run, experimentName, log, test, problems.isEmpty() ? null
                : String.join("; ", problems));
    }

    private static TrainingLogReader.Log emptyLog() {
        return new TrainingLogReader.Log(List.of(), List.of(), List.of());
    }

    private static boolean isRegression(TrainingRun run) {
        return run.getTestMetrics() != null && run.getTestMetrics().containsKey("mse");
    }

    static List<MetricRow> metricRows(List<ComparedRun> compared) {
        List<MetricRow> rows = new ArrayList<>();
        addSplit(rows, "validation", compared, TrainingRun::getValidationMetrics);
        addSplit(rows, "test", compared, TrainingRun::getTestMetrics);
        return rows;
    }

    private static void addSplit(List<MetricRow> rows, String split, List<ComparedRun> compared,
            Function<TrainingRun, Map<String, Double>> metrics) {
        Set<String> names = new LinkedHashSet<>();
        compared.forEach(c -> names.addAll(orEmpty(metrics.apply(c.run())).keySet()));
        for (String name : names) {
            rows.add(new MetricRow(split, name, compared.stream()
                    .map(c -> orEmpty(metrics.apply(c.run())).get(name)).toList()));
        }
    }

    static List<MetricHistory> histories(List<ComparedRun> compared) {
        List<MetricHistory> histories = new ArrayList<>();
        histories.add(history(TRAINING_LOSS, "loss", compared, log -> log.trainCurve("loss")));
        Set<String> evalMetrics = new LinkedHashSet<>();
        compared.forEach(c -> c.log().eval().forEach(line -> line.keySet().stream()
                .filter(key -> key.startsWith("eval_")).forEach(evalMetrics::add)));
        for (String key : evalMetrics) {
            String metric = key.substring("eval_".length());
            histories.add(history("validation " + metric, metric, compared, log -> log.evalCurve(metric)));
        }
        return histories;
    }

    private static MetricHistory history(String label, String metric, List<ComparedRun> compared,
            Function<TrainingLogReader.Log, List<double[]>> curve) {
        boolean higherIsBetter = MetricDirection.higherIsBetter(metric);
        List<Double> best = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        for (ComparedRun run : compared) {
            List<double[]> points = curve.apply(run.log());
            if (points.isEmpty()) {
                best.add(null);
                last.add(null);
                continue;
            }
            double chosen = points.get(0)[1];
            for (double[] point : points) {
                chosen = higherIsBetter ? Math.max(chosen, point[1]) : Math.min(chosen, point[1]);
            }
            best.add(chosen);
            last.add(points.get(points.size() - 1)[1]);
        }
        return new MetricHistory(label, best, last);
    }

    private Map<Long, String> experimentNames() {
        return experiments.all().stream().collect(Collectors.toMap(Experiment::getId, Experiment::getName));
    }

    private static Map<String, Double> orEmpty(Map<String, Double> metrics) {
        return metrics == null ? Map.of() : metrics;
    }
}
