package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learning rate is too low when the loss barely moves over the first log lines after warm-up (during warm-up
 * a small rate is the plan, not a mistake).
 */
public final class LearningRateTooLowRule implements CurveRule {

    /** Log lines judged, counted from the first one at full rate. */
    public static final int LINES = 6;
    /** Lines averaged at each end of that window, against batch noise. */
    public static final int END_LINES = 2;
    /** "Barely moves": the loss changed by less than this share of itself. */
    public static final double MIN_RELATIVE_CHANGE = 0.02;
    /** A line counts as past warm-up when its rate is at least this share of the peak rate. */
    public static final double FULL_RATE_SHARE = 0.5;
    /** At or above BERT's usual ceiling a flat loss has other causes (see the too-high and stagnation rules). */
    public static final double MAX_LOW_RATE = LearningRateTooHighRule.USUAL_RATE_CEILING;
    /** A loss already this small has nothing left to move. */
    public static final double LEARNT_LOSS = 0.1;
    public static final double RATE_FACTOR = 5.0;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.LEARNING_RATE_TOO_LOW;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        Hyperparameters hp = facts.hyperparameters();
        if (hp.learningRate() >= MAX_LOW_RATE) {
            return Optional.empty();
        }
        List<TrainingEvents.StepLogged> window = new ArrayList<>();
        for (TrainingEvents.StepLogged line : history.steps()) {
            if (line.learningRate() >= FULL_RATE_SHARE * hp.learningRate() && Double.isFinite(line.loss())) {
                window.add(line);
            }
            if (window.size() == LINES) {
                break;
            }
        }
        if (window.size() < LINES) {
            return Optional.empty();
        }
        double first = mean(window.subList(0, END_LINES));
        double last = mean(window.subList(LINES - END_LINES, LINES));
        double change = (first - last) / first;
        if (first < LEARNT_LOSS || Math.abs(change) >= MIN_RELATIVE_CHANGE) {
            return Optional.empty();
        }
        int fromStep = window.get(0).step();
        int toStep = window.get(LINES - 1).step();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss_from", first);
        values.put("loss_to", last);
        values.put("relative_change", change);
        values.put("learning_rate", hp.learningRate());
        values.put("from_step", (double) fromStep);
        values.put("to_step", (double) toStep);
        String sentence = "training loss barely moved, " + Figures.number(first) + " -> " + Figures.number(last)
                + " (" + Figures.percent(change) + ") from step " + fromStep + " to " + toStep + " at learning rate "
                + Figures.number(hp.learningRate());
        Remedy remedy = Remedy.from(hp).set("learning_rate", Math.min(MAX_LOW_RATE, hp.learningRate() * RATE_FACTOR))
                .build("raise the learning rate; BERT fine-tuning usually takes 2e-5 to 5e-5");
        return Optional.of(Diagnosis.atStep(kind(), Severity.WARNING, toStep,
                "Learning rate too low: the loss barely moves", new Evidence(sentence, values), remedy));
    }

    private static double mean(List<TrainingEvents.StepLogged> lines) {
        return lines.stream().mapToDouble(TrainingEvents.StepLogged::loss).average().orElseThrow();
    }
}
