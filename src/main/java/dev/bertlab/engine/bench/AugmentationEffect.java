package dev.bertlab.engine.bench;

import dev.bertlab.engine.augment.AugmentationMode;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.run.FineTuneRun;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunResult;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.engine.significance.SeedSummary;
import dev.bertlab.engine.train.Hyperparameters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What training-data augmentation does here: the same small fine-tune with and without EDA copies, over several
 * seeds, reporting test accuracy (mean and standard deviation) and the gap between validation and training loss at
 * the end, the overfitting that augmentation is meant to shrink.
 */
public final class AugmentationEffect {

    /**
     * @param dataset what to train on (a built-in or imported classification dataset)
     * @param train training examples (a seeded subset: augmentation matters most when data is scarce); validation
 *     and test are the dataset's whole splits
     * @param seeds how many seeds per setting
     * @param epochs epochs per run
     * @param strength the share of words each EDA operation touches
     * @param copies augmented copies per training example
     */
    public record Settings(String dataset, int train, int seeds, int epochs, double strength, int copies) {
    }

    /** One setting's runs. */
    public record Outcome(String setting, SeedSummary testAccuracy, SeedSummary lossGap, double secondsPerRun) {
    }

    private final DatasetCatalog datasets;
    private final ModelRegistry models;
    private final PrintStream out;

    public AugmentationEffect(DatasetCatalog datasets, ModelRegistry models, PrintStream out) {
        this.datasets = datasets;
        this.models = models;
        this.out = out;
    }

    public List<Outcome> run(Settings settings) throws IOException {
        Path runs = Files.createTempDirectory("bertlab-augmentation-bench");
        FineTuneRun engine = new FineTuneRun(datasets, models, runs);
        Hyperparameters base = Hyperparameters.builder().learningRate(5e-5).batchSize(16).epochs(settings.epochs())
                .maxLength(64).loggingSteps(5).build();
        Hyperparameters augmented = base.toBuilder().augmentation(AugmentationMode.EDA)
                .augmentationStrength(settings.strength()).augmentedCopies(settings.copies()).build();
        out.printf(Locale.ROOT, "augmentation effect: MiniLM on %d %s training examples, %d epochs, %d seeds each%n",
                settings.train(), settings.dataset(), settings.epochs(), settings.seeds());
        List<Outcome> outcomes = List.of(measure(engine, runs, "none", base, settings),
                measure(engine, runs, String.format(Locale.ROOT, "EDA strength %.2f, %d copies", settings.strength(),
                        settings.copies()), augmented, settings));
        for (Outcome outcome : outcomes) {
            out.printf(Locale.ROOT, "%-28s test accuracy %.4f ± %.4f   validation-training loss gap %+.4f ± %.4f   "
                            + "%.0f s a run%n", outcome.setting(), outcome.testAccuracy().mean(),
                    orZero(outcome.testAccuracy().standardDeviation()), outcome.lossGap().mean(),
                    orZero(outcome.lossGap().standardDeviation()), outcome.secondsPerRun());
        }
        return outcomes;
    }

    private Outcome measure(FineTuneRun engine, Path runs, String setting, Hyperparameters hp, Settings settings)
            throws IOException {
        List<Double> accuracies = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        double seconds = 0;
        for (int seed = 1; seed <= settings.seeds(); seed++) {
            String name = setting.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-seed-" + seed;
            RunConfig config = new RunConfig(name, settings.dataset(), new RunConfig.SubsetSizes(settings.train(),
                    null, null), 7L, "all-MiniLM-L6-v2", runs.resolve(name).toString(), "cpu", null,
                    hp.toBuilder().seed(seed).build());
            RunResult result = engine.execute(config, List.of(), line -> { }, () -> false, false);
            double accuracy = result.test().scalars().get("accuracy");
            TrainingLogReader.Log log = TrainingLogReader.read(result.directory().trainingLog());
            List<double[]> train = log.trainCurve("loss");
            double lastTrain = train.subList(Math.max(0, train.size() - 3), train.size()).stream()
                    .mapToDouble(point -> point[1]).average().orElse(Double.NaN);
            double gap = result.validation().loss() - lastTrain;
            accuracies.add(accuracy);
            gaps.add(gap);
            seconds += result.outcome().trainSeconds();
            out.printf(Locale.ROOT, "  %-26s seed %d: test accuracy %.4f, validation %.4f - training %.4f loss%n",
                    setting, seed, accuracy, result.validation().loss(), lastTrain);
        }
        return new Outcome(setting, SeedSummary.of(accuracies), SeedSummary.of(gaps), seconds / settings.seeds());
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
