package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Underfitting: after a good share of the run the training loss is still near chance level, ln(classes): the
 * model has not even learnt the training data.
 */
public final class UnderfittingRule implements CurveRule {

    /** Judge only after this share of the planned steps; early on a high loss is normal. */
    public static final double MIN_SHARE_OF_TRAINING = 0.75;
    /** "Near chance" is at least this share of ln(classes). */
    public static final double CHANCE_LOSS_SHARE = 0.9;
    /** The loss judged is the mean of this many latest log lines, so one bad batch does not decide. */
    public static final int SMOOTHING_LINES = 3;
    public static final double RATE_UP_FACTOR = 3.0;

    private final double minShareOfTraining;
    private final double chanceLossShare;

    public UnderfittingRule() {
        this(MIN_SHARE_OF_TRAINING, CHANCE_LOSS_SHARE);
    }

    public UnderfittingRule(double minShareOfTraining, double chanceLossShare) {
        this.minShareOfTraining = minShareOfTraining;
        this.chanceLossShare = chanceLossShare;
    }

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.UNDERFITTING;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        double chance = facts.chanceLoss();
        Optional<TrainingEvents.Started> started = history.started();
        // above BERT's usual rates a loss stuck at chance is a collapse: the learning-rate-too-high rule's business
        if (Double.isNaN(chance) || started.isEmpty() || started.get().totalSteps() == 0
                || facts.hyperparameters().learningRate() > LearningRateTooHighRule.USUAL_RATE_CEILING) {
            return Optional.empty();
        }
        int totalSteps = started.get().totalSteps();
        List<Double> recent = new ArrayList<>();
        for (TrainingEvents.StepLogged step : history.steps()) {
            if (!Double.isFinite(step.loss())) {
                continue; // NaN is the learning-rate rule's business
            }
            recent.add(step.loss());
            if (recent.size() > SMOOTHING_LINES) {
                recent.remove(0);
            }
            double share = (double) step.step() / totalSteps;
            if (share < minShareOfTraining || recent.size() < SMOOTHING_LINES) {
                continue;
            }
            double smoothed = recent.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            if (smoothed >= chanceLossShare * chance) {
                return Optional.of(diagnosis(step.step(), share, smoothed, chance, facts));
            }
        }
        return Optional.empty();
    }

    private Diagnosis diagnosis(int step, double share, double loss, double chance, RunFacts facts) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("training_loss", loss);
        values.put("chance_loss", chance);
        values.put("share_of_training", share);
        String sentence = "training loss is still " + Figures.number(loss) + " at step " + step + " ("
                + Figures.percent(share) + " of training), near the chance level ln(" + facts.numLabels() + ") = "
                + Figures.number(chance);
        return Diagnosis.atStep(kind(), Severity.PROBLEM, step, "Underfitting: training loss stays near chance",
                new Evidence(sentence, values), remedy(facts.hyperparameters()));
    }

    private static Remedy remedy(Hyperparameters hp) {
        Remedy.Builder remedy = Remedy.from(hp);
        remedy.set("learning_rate", Math.min(LearningRateTooHighRule.USUAL_RATE_CEILING,
                hp.learningRate() * RATE_UP_FACTOR));
        if (hp.scheduler() == Hyperparameters.Scheduler.CONSTANT) {
            remedy.set("scheduler", Hyperparameters.Scheduler.LINEAR);
        }
        if (hp.warmupSteps() == 0 && hp.warmupRatio() < 0.06) {
            remedy.set("warmup_ratio", 0.1);
        }
        remedy.set("epochs", Math.min(1000, hp.epochs() * 2));
        if (hp.maxSteps() > 0) {
            remedy.set("max_steps", hp.maxSteps() * 2);
        }
        return remedy.build("the model has not learnt the training data: raise the learning rate with a warm-up "
                + "and a decaying schedule, and train for more epochs");
    }
}
