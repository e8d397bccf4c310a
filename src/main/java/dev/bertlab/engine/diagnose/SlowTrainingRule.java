package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slow training: throughput far below this machine's benchmark for the model, or most token slots spent on
 * padding.
 */
public final class SlowTrainingRule implements CurveRule {

    /** Slow is below this share of the expected samples per second. */
    public static final double MIN_SHARE_OF_EXPECTED = 0.5;
    /** Lines whose median throughput is judged; the first line is skipped (it carries start-up costs). */
    public static final int THROUGHPUT_LINES = 3;
    /** A mean padding share at or above this wastes most of the compute. */
    public static final double MAX_PADDING_SHARE = 0.4;
    /** Lines averaged for the padding share. */
    public static final int PADDING_LINES = 3;
    public static final int MIN_SUGGESTED_MAX_LENGTH = 64;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.SLOW_TRAINING;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        List<TrainingEvents.StepLogged> lines = history.steps();
        List<Double> throughput = new ArrayList<>();
        List<Double> padding = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TrainingEvents.StepLogged line = lines.get(i);
            padding.add(line.paddingShare());
            if (padding.size() > PADDING_LINES) {
                padding.remove(0);
            }
            if (padding.size() == PADDING_LINES) {
                double share = padding.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                if (share >= MAX_PADDING_SHARE) {
                    return Optional.of(padded(line.step(), share, facts.hyperparameters()));
                }
            }
            if (i == 0 || facts.expectedSamplesPerSecond() == null) {
                continue;
            }
            throughput.add(line.samplesPerSecond());
            if (throughput.size() > THROUGHPUT_LINES) {
                throughput.remove(0);
            }
            if (throughput.size() == THROUGHPUT_LINES) {
                double median = Median.of(throughput);
                double expected = facts.expectedSamplesPerSecond();
                if (median < MIN_SHARE_OF_EXPECTED * expected) {
                    return Optional.of(slow(line.step(), median, expected, facts.hyperparameters()));
                }
            }
        }
        return Optional.empty();
    }

    private Diagnosis padded(int step, double share, Hyperparameters hp) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("padding_share", share);
        String sentence = Figures.percent(share) + " of the token slots were padding over the " + PADDING_LINES
                + " log lines up to step " + step;
        Remedy remedy = Remedy.from(hp).set("group_by_length", true).set("pad_to_max_length", false)
                .build("batch texts of similar length together and pad each batch only to its longest text");
        return Diagnosis.atStep(kind(), Severity.WARNING, step, "Slow training: most compute goes to padding",
                new Evidence(sentence, values), remedy);
    }

    private Diagnosis slow(int step, double median, double expected, Hyperparameters hp) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("samples_per_second", median);
        values.put("expected_samples_per_second", expected);
        values.put("share_of_expected", median / expected);
        String sentence = "training ran at " + Figures.number(median) + " samples/s up to step " + step + " (median "
                + "of " + THROUGHPUT_LINES + " log lines), " + Figures.percent(median / expected) + " of the "
                + Figures.number(expected) + " samples/s this machine's benchmark expects";
        Remedy.Builder remedy = Remedy.from(hp).set("group_by_length", true).set("pad_to_max_length", false);
        if (hp.maxLength() > MIN_SUGGESTED_MAX_LENGTH) {
            remedy.set("max_length", Math.max(MIN_SUGGESTED_MAX_LENGTH, hp.maxLength() / 2));
        }
        return Diagnosis.atStep(kind(), Severity.WARNING, step, "Slow training: throughput far below the benchmark",
                new Evidence(sentence, values), remedy.build("bucket texts by length, shorten max length to what "
                        + "most texts need, or pick a smaller model (MiniLM is about 6x faster than BERT-base); "
                        + "check that nothing else is using the machine"));
    }
}
