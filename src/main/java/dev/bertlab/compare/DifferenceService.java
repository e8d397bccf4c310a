package dev.bertlab.compare;

import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.significance.PairedBootstrap;
import dev.bertlab.engine.significance.RunDifference;
import dev.bertlab.engine.significance.SeedSummary;
import dev.bertlab.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Whether a comparison's differences are real: each run against the first on the same test predictions (paired
 * bootstrap and McNemar), and the spread over runs that differ only in their seed.
 */
@Service
public class DifferenceService {

    /**
     * Run {@code other} against the baseline, or why it cannot be said.
     *
     * @param difference the tests' outcome, or null
     * @param problem why there is none (no test predictions, different test sets), or null
     */
    public record Against(ComparedRun baseline, ComparedRun other, RunDifference difference, String problem) {
    }

    /**
     * Runs of one setting repeated with different seeds.
     *
     * @param runs their labels
     * @param metrics per test metric its mean, standard deviation and range over the seeds
     */
    public record SeedGroup(List<String> runs, Map<String, SeedSummary> metrics) {
    }

    /** Every run after the first against the first. */
    public List<Against> againstFirst(RunComparison comparison) {
        List<ComparedRun> runs = comparison.runs();
        List<Against> result = new ArrayList<>();
        if (runs.size() < 2) {
            return result;
        }
        ComparedRun baseline = runs.get(0);
        PredictionSet base;
        try {
            base = testPredictions(baseline.run());
        } catch (IOException | RuntimeException e) {
            runs.subList(1, runs.size()).forEach(other -> result.add(new Against(baseline, other, null,
                    baseline.label() + ": " + e.getMessage())));
            return result;
        }
        for (ComparedRun other : runs.subList(1, runs.size())) {
            try {
                result.add(new Against(baseline, other, RunDifference.compute(baseline.label(), base, other.label(),
                        testPredictions(other.run()), PairedBootstrap.withSeed(PairedBootstrap.DEFAULT_SEED)), null));
            } catch (IOException | RuntimeException e) {
                result.add(new Against(baseline, other, null, e.getMessage()));
            }
        }
        return result;
    }

    /** Groups of two or more runs whose hyperparameters differ only in the seed, on the same dataset. */
    public List<SeedGroup> seedGroups(RunComparison comparison) {
        Map<String, List<ComparedRun>> bySetting = new LinkedHashMap<>();
        for (ComparedRun compared : comparison.runs()) {
            if (compared.run().getTestMetrics() == null || compared.run().getTestMetrics().isEmpty()) {
                continue;
            }
            Map<String, String> setting = new LinkedHashMap<>(
                    compared.run().getHyperparameters().asTexts());
            setting.remove("seed");
            bySetting.computeIfAbsent(compared.run().getDatasetFingerprint() + setting, key -> new ArrayList<>())
                    .add(compared);
        }
        List<SeedGroup> groups = new ArrayList<>();
        bySetting.values().stream().filter(group -> group.size() > 1).forEach(group -> {
            Map<String, SeedSummary> metrics = new LinkedHashMap<>();
            for (String metric : group.get(0).run().getTestMetrics().keySet()) {
                List<Double> values = group.stream().map(c -> c.run().getTestMetrics().get(metric))
                        .filter(Objects::nonNull).filter(Double::isFinite).toList();
                if (values.size() == group.size()) {
                    metrics.put(metric, SeedSummary.of(values));
                }
            }
            groups.add(new SeedGroup(group.stream().map(ComparedRun::label).toList(), metrics));
        });
        return groups;
    }

    private static PredictionSet testPredictions(TrainingRun run) throws IOException {
        if (run.getRunDirectory() == null) {
            throw new IllegalStateException("the run has no directory yet");
        }
        Path file = new RunDirectory(Path.of(run.getRunDirectory())).predictions("test");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("run #" + run.getId() + " has no test predictions");
        }
        return PredictionsCsv.read(file);
    }
}
