package dev.bertlab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.MetricsJson;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogWriter;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.support.DashboardApplicationTest;
import dev.bertlab.support.SharedDashboard;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Two finished runs with real run directories, compared: settings, metrics, curves and confusion matrices. */
@DashboardApplicationTest
@WithMockUser(username = "editor", roles = {"VIEWER", "EDITOR"})
class ComparisonServiceTest {

    private static final Path DATA = SharedDashboard.data();

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ExperimentService experiments;

    @Autowired
    TrainingRunRepository runs;

    @Test
    void twoRunsSideBySide() throws IOException {
        Experiment experiment = new Experiment();
        experiment.setName("imdb minilm");
        experiment.setDataset("imdb");
        experiment.setBaseModel("all-MiniLM-L6-v2");
        experiment = experiments.save(experiment, "editor");
        Hyperparameters before = Hyperparameters.builder().epochs(2).build();
        Hyperparameters after = before.toBuilder().classifierDropout(0.3).build();
        TrainingRun first = run(experiment.getId(), before, "first", Map.of("accuracy", 0.80, "loss", 0.45),
                new double[] {0.69, 0.50, 0.40}, new double[] {0.55, 0.50}, new double[] {0.75, 0.80},
                new int[] {0, 0, 1, 1}, new float[][] {{0.9f, 0.1f}, {0.4f, 0.6f}, {0.2f, 0.8f}, {0.3f, 0.7f}});
        TrainingRun second = run(experiment.getId(), after, "second", Map.of("accuracy", 0.86, "loss", 0.38),
                new double[] {0.69, 0.45, 0.35}, new double[] {0.45, 0.40}, new double[] {0.84, 0.86},
                new int[] {0, 0, 1, 1}, new float[][] {{0.9f, 0.1f}, {0.8f, 0.2f}, {0.2f, 0.8f}, {0.3f, 0.7f}});
        TrainingRun running = run(experiment.getId(), before, "running", Map.of(), new double[0], new double[0],
                new double[0], null, null);
        running.setStatus(RunStatus.RUNNING);
        // held by a node that renews its lease: the shared application must not take it back and train it
        running.setWorkerNode("comparison-test-node");
        running.setLeaseUntil(Instant.now().plus(java.time.Duration.ofHours(1)));
        running = runs.save(running);
        try {
            compareTwoFinishedRuns(first, second, running);
        } finally {
            running.setStatus(RunStatus.CANCELLED);
            running.setLeaseUntil(null);
            runs.save(running);
        }
    }

    private void compareTwoFinishedRuns(TrainingRun first, TrainingRun second, TrainingRun running) {

        // other classes' runs share the database: look at this test's runs only
        java.util.Set<Long> mine = java.util.Set.of(first.getId(), second.getId(), running.getId());
        List<RunChoice> finished = comparisons.finishedRuns().stream().filter(choice -> mine.contains(choice.id()))
                .toList();
        assertThat(finished).extracting(RunChoice::id).containsExactly(second.getId(), first.getId());
        assertThat(finished.get(0).label()).isEqualTo("#" + second.getId()
                + " imdb minilm · SUCCEEDED");

        RunComparison comparison = comparisons.compare(List.of(first.getId(), second.getId(), 999L));
        assertThat(comparison.runs()).extracting(run -> run.run().getId()).containsExactly(first.getId(),
                second.getId());
        assertThat(comparison.runs()).allSatisfy(run -> assertThat(run.problem()).isNull());
        assertThat(comparison.hyperparameters()).filteredOn(HyperparameterRow::differs)
                .extracting(HyperparameterRow::key).containsExactly("classifier_dropout");

        MetricRow testAccuracy = comparison.metrics().stream()
                .filter(row -> row.split().equals("test") && row.metric().equals("accuracy")).findFirst().orElseThrow();
        assertThat(testAccuracy.delta(1)).isCloseTo(0.06, within(1e-9));

        MetricHistory trainingLoss = comparison.histories().get(0);
        assertThat(trainingLoss.metric()).isEqualTo(ComparisonService.TRAINING_LOSS);
        assertThat(trainingLoss.best()).containsExactly(0.40, 0.35);
        MetricHistory validationLoss = history(comparison, "validation loss");
        assertThat(validationLoss.best()).containsExactly(0.50, 0.40);
        assertThat(validationLoss.last()).containsExactly(0.50, 0.40);
        MetricHistory validationAccuracy = history(comparison, "validation accuracy");
        assertThat(validationAccuracy.best()).containsExactly(0.80, 0.86);

        assertThat(comparison.runs().get(0).log().trainCurve("loss")).hasSize(3);
        assertThat(comparison.runs().get(0).testMetrics().confusionMatrix().count(0, 1)).isEqualTo(1);
        assertThat(comparison.runs().get(1).testMetrics().confusionMatrix().count(0, 1)).isZero();
    }

    @Autowired
    DifferenceService differences;

    @Test
    void saysWhetherTheDifferenceIsRealAndHowMuchTheSeedMoves() throws IOException {
        Experiment experiment = new Experiment();
        experiment.setName("significance");
        experiment.setDataset("imdb");
        experiment.setBaseModel("all-MiniLM-L6-v2");
        experiment = experiments.save(experiment, "editor");
        Hyperparameters setting = Hyperparameters.builder().epochs(2).build();
        // 200 test examples: A gets the first 150 right; B those and 30 more (only B right: 30, only A: 0);
        // C differs from A on 2 examples only, one each way
        TrainingRun a = predicted(experiment.getId(), setting.toBuilder().seed(1).build(), "a", 0.80, 200, 150, -1);
        TrainingRun b = predicted(experiment.getId(), setting.toBuilder().learningRate(1e-4).build(), "b", 0.90, 200,
                180, -1);
        TrainingRun c = predicted(experiment.getId(), setting.toBuilder().seed(2).build(), "c", 0.82, 200, 150, 0);
        TrainingRun d = predicted(experiment.getId(), setting.toBuilder().seed(3).build(), "d", 0.84, 120, 100, -1);

        List<DifferenceService.Against> against = differences.againstFirst(comparisons.compare(List.of(a.getId(),
                b.getId(), c.getId(), d.getId())));
        assertThat(against).hasSize(3);
        RunDifferenceAssert.significant(against.get(0), 0.15, 30, 0);
        assertThat(against.get(0).difference().plainVerdict()).contains("is better than").contains("by 15.0 accuracy "
                + "points").endsWith("the difference is significant.");
        assertThat(against.get(1).difference().significance())
                .isEqualTo(dev.bertlab.engine.significance.RunDifference.Significance.NOT_SIGNIFICANT);
        assertThat(against.get(1).difference().mcNemar().onlyARight()).isEqualTo(1);
        assertThat(against.get(1).difference().mcNemar().onlyBRight()).isEqualTo(1);
        assertThat(against.get(2).difference()).isNull();
        assertThat(against.get(2).problem()).as("a different test set").isNotBlank();

        List<DifferenceService.SeedGroup> groups = differences.seedGroups(comparisons.compare(List.of(a.getId(),
                b.getId(), c.getId(), d.getId())));
        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.runs()).hasSize(3);
            assertThat(group.metrics().get("accuracy").mean()).isCloseTo(0.82, within(1e-12));
            assertThat(group.metrics().get("accuracy").standardDeviation()).isCloseTo(0.02, within(1e-12));
        });
    }

    /** Checks a significant improvement's numbers. */
    private static final class RunDifferenceAssert {
        static void significant(DifferenceService.Against against, double accuracyGain, int onlyB, int onlyA) {
            assertThat(against.problem()).isNull();
            assertThat(against.difference().bootstrap().accuracy().difference()).isCloseTo(accuracyGain,
                    within(1e-9));
            assertThat(against.difference().bootstrap().accuracy().lower()).isPositive();
            assertThat(against.difference().mcNemar().onlyBRight()).isEqualTo(onlyB);
            assertThat(against.difference().mcNemar().onlyARight()).isEqualTo(onlyA);
            assertThat(against.difference().significance())
                    .isEqualTo(dev.bertlab.engine.significance.RunDifference.Significance.SIGNIFICANT);
        }
    }

    /**
     * A finished run with test predictions on {@code examples} reviews, the first {@code right} of them right;
     * {@code flip} >= 0 makes example {@code flip} wrong and example {@code right} right instead.
     */
    private TrainingRun predicted(long experimentId, Hyperparameters hyperparameters, String name, double accuracy,
            int examples, int right, int flip) throws IOException {
        TrainingRun run = run(experimentId, hyperparameters, name, Map.of("accuracy", accuracy), new double[] {0.6},
                new double[0], new double[0], null, null);
        run.setDatasetFingerprint("imdb-fixture");
        List<Prediction> predictions = new java.util.ArrayList<>();
        for (int i = 0; i < examples; i++) {
            int gold = i % 2;
            boolean correct = i < right;
            if (flip >= 0 && (i == flip || i == right)) {
                correct = !correct;
            }
            int predicted = correct ? gold : 1 - gold;
            predictions.add(Prediction.of("review-" + i, gold, predicted == 1 ? new float[] {0.2f, 0.8f}
                    : new float[] {0.8f, 0.2f}));
        }
        PredictionsCsv.write(new PredictionSet(List.of("neg", "pos"), predictions),
                new RunDirectory(Path.of(run.getRunDirectory())).predictions("test"));
        return runs.save(run);
    }

    private static MetricHistory history(RunComparison comparison, String metric) {
        return comparison.histories().stream().filter(h -> h.metric().equals(metric)).findFirst().orElseThrow();
    }

    private TrainingRun run(long experimentId, Hyperparameters hyperparameters, String name,
            Map<String, Double> test, double[] trainLoss, double[] evalLoss, double[] evalAccuracy, int[] gold,
            float[][] probabilities) throws IOException {
        RunDirectory directory = new RunDirectory(DATA.resolve("runs").resolve("comparison-" + name));
        try (TrainingLogWriter log = new TrainingLogWriter(directory.trainingLog())) {
            for (int i = 0; i < trainLoss.length; i++) {
                log.onStep(new TrainingEvents.StepLogged(10 * (i + 1), i / 2.0, trainLoss[i], 2e-5, 1, 10, 1000, 0.1,
                        i));
            }
            for (int i = 0; i < evalLoss.length; i++) {
                log.onEvaluation(new TrainingEvents.Evaluated(15 * (i + 1), i + 1, Map.of("loss", evalLoss[i],
                        "accuracy", evalAccuracy[i]), i == evalLoss.length - 1));
            }
        }
        if (gold != null) {
            MetricsJson.write(ClassificationMetrics.compute(gold, probabilities, List.of("neg", "pos")),
                    directory.metrics("test"));
        }
        TrainingRun run = new TrainingRun();
        run.setExperimentId(experimentId);
        run.setHyperparameters(hyperparameters);
        run.setStatus(RunStatus.SUCCEEDED);
        run.setQueuedAt(Instant.now());
        run.setCreatedBy("editor");
        run.setRunDirectory(directory.root().toString());
        run.setTestMetrics(new LinkedHashMap<>(test));
        run.setValidationMetrics(new LinkedHashMap<>(Map.of("accuracy", evalAccuracy.length == 0 ? 0
                : evalAccuracy[evalAccuracy.length - 1])));
        return runs.save(run);
    }
}
