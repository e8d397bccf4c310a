package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Overfitting: validation loss rises over consecutive evaluations while training loss keeps falling, or training
 * accuracy runs well ahead of validation accuracy (when evaluations carry a "train_accuracy").
 */
public final class OverfittingRule implements CurveRule {

    /** Consecutive rising evaluations; one rise is often noise on a small validation split. */
    public static final int RISING_EVALUATIONS = 2;
    /** The rise over those evaluations must be at least this share of the loss, so jitter does not count. */
    public static final double MIN_RELATIVE_RISE = 0.02;
    /** Train-minus-validation accuracy above this is a generalisation gap. */
    public static final double MAX_ACCURACY_GAP = 0.10;
    /** The usual anti-overfitting classifier dropout. */
    public static final double REMEDY_CLASSIFIER_DROPOUT = 0.3;
    public static final double REMEDY_MIN_WEIGHT_DECAY = 0.01;
    public static final double REMEDY_MAX_WEIGHT_DECAY = 0.1;
    public static final int REMEDY_EARLY_STOPPING_PATIENCE = 2;

    private final int risingEvaluations;
    private final double minRelativeRise;
    private final double maxAccuracyGap;

    public OverfittingRule() {
        this(RISING_EVALUATIONS, MIN_RELATIVE_RISE, MAX_ACCURACY_GAP);
    }

    public OverfittingRule(int risingEvaluations, double minRelativeRise, double maxAccuracyGap) {
        if (risingEvaluations < 1) {
            throw new IllegalArgumentException("risingEvaluations must be at least 1, got " + risingEvaluations);
        }
        this.risingEvaluations = risingEvaluations;
        this.minRelativeRise = minRelativeRise;
        this.maxAccuracyGap = maxAccuracyGap;
    }

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.OVERFITTING;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        List<TrainingEvents.Evaluated> evaluations = history.evaluations();
        for (int i = 0; i < evaluations.size(); i++) {
            Optional<Diagnosis> found = risingValidationLoss(history, evaluations, i, facts);
            if (found.isPresent()) {
                return found;
            }
            found = accuracyGap(history, evaluations.get(i), facts);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Diagnosis> risingValidationLoss(TrainingHistory history,
            List<TrainingEvents.Evaluated> evaluations, int last, RunFacts facts) {
        int first = last - risingEvaluations;
        if (first < 0) {
            return Optional.empty();
        }
        for (int i = first; i <= last; i++) {
            if (!evaluations.get(i).metrics().containsKey("loss")) {
                return Optional.empty();
            }
        }
        for (int i = first + 1; i <= last; i++) {
            if (!(loss(evaluations.get(i)) > loss(evaluations.get(i - 1)))) {
                return Optional.empty();
            }
        }
        double from = loss(evaluations.get(first));
        double to = loss(evaluations.get(last));
        if (to - from < minRelativeRise * Math.abs(from)) {
            return Optional.empty();
        }
        int fromStep = evaluations.get(first).step();
        int toStep = evaluations.get(last).step();
        int beforeFirst = first == 0 ? 0 : evaluations.get(first - 1).step();
        double trainFrom = meanTrainingLoss(history, beforeFirst, fromStep);
        double trainTo = meanTrainingLoss(history, evaluations.get(last - 1).step(), toStep);
        if (Double.isNaN(trainFrom) || Double.isNaN(trainTo) || !(trainTo < trainFrom)) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("validation_loss_from", from);
        values.put("validation_loss_to", to);
        values.put("training_loss_from", trainFrom);
        values.put("training_loss_to", trainTo);
        values.put("from_step", (double) fromStep);
        values.put("to_step", (double) toStep);
        String sentence = "validation loss rose " + Figures.number(from) + " -> " + Figures.number(to) + " over "
                + risingEvaluations + " evaluations (steps " + fromStep + " to " + toStep + ") while training loss fell "
                + Figures.number(trainFrom) + " -> " + Figures.number(trainTo);
        return Optional.of(Diagnosis.atStep(kind(), Severity.PROBLEM, toStep,
                "Overfitting: validation loss rises while training loss falls", new Evidence(sentence, values),
                remedy(facts.hyperparameters())));
    }

    private Optional<Diagnosis> accuracyGap(TrainingHistory history, TrainingEvents.Evaluated evaluation,
            RunFacts facts) {
        Double train = evaluation.metrics().get("train_accuracy");
        Double validation = evaluation.metrics().get("accuracy");
        if (train == null || validation == null || !(train - validation > maxAccuracyGap)) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("train_accuracy", train);
        values.put("validation_accuracy", validation);
        values.put("accuracy_gap", train - validation);
        String sentence = "training accuracy " + Figures.number(train) + " is " + Figures.number(train - validation)
                + " above validation accuracy " + Figures.number(validation) + " at step " + evaluation.step()
                + " (more than " + Figures.number(maxAccuracyGap) + ")";
        return Optional.of(Diagnosis.atStep(kind(), Severity.WARNING, evaluation.step(),
                "Overfitting: training accuracy runs ahead of validation accuracy", new Evidence(sentence, values),
                remedy(facts.hyperparameters())));
    }

    private static Remedy remedy(Hyperparameters hp) {
        double weightDecay = hp.weightDecay() < REMEDY_MIN_WEIGHT_DECAY ? REMEDY_MIN_WEIGHT_DECAY
                : Math.min(REMEDY_MAX_WEIGHT_DECAY, hp.weightDecay() * 2);
        Remedy.Builder remedy = Remedy.from(hp)
                .set("classifier_dropout", Math.max(REMEDY_CLASSIFIER_DROPOUT, hp.classifierDropout()))
                .set("weight_decay", weightDecay);
        // early stopping with the best weights restored finds the right length by itself (overfitting is seen on
        // evaluations, so the run has them); cutting the epochs instead also shortens the learning-rate schedule:
        // a real MiniLM run cut from 6 to 3 epochs fell from 0.818 to 0.758 test accuracy
        if (hp.earlyStoppingPatience() == 0) {
            remedy.set("early_stopping_patience", REMEDY_EARLY_STOPPING_PATIENCE);
        }
        remedy.set("load_best_model_at_end", true);
        return remedy.build("regularise and stop earlier: more dropout before the classifier, more weight decay, "
                + "early stopping on the validation loss with the best weights kept (or fewer epochs); more or "
                + "augmented training data helps too");
    }

    private static double loss(TrainingEvents.Evaluated evaluation) {
        return evaluation.metrics().get("loss");
    }

    /** Mean of the logged training losses in (after, upTo]; NaN when no line falls there. */
    private static double meanTrainingLoss(TrainingHistory history, int after, int upTo) {
        double sum = 0;
        int count = 0;
        for (TrainingEvents.StepLogged step : history.steps()) {
            if (step.step() > after && step.step() <= upTo && Double.isFinite(step.loss())) {
                sum += step.loss();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
