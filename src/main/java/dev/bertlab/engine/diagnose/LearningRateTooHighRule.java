package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learning rate is too high when the loss becomes NaN or infinite, the run reports a divergence, the loss
 * spikes far above its running median, settles well above where it started, or the gradient norm explodes; or,
 * at a rate above BERT's usual range, when the loss stays at chance level after warm-up: the collapse Mosbach et
 * al. (2021, "On the stability of fine-tuning BERT") describe for failed runs, where the model predicts one class
 * for everything. Whichever signal comes first is reported.
 */
public final class LearningRateTooHighRule implements CurveRule {

    /** A logged loss this many times the running median of the lines before it is a spike... */
    public static final double SPIKE_FACTOR = 3.0;
    /** ...when it is also above chance level (a classifier that is confidently wrong), so low-loss noise is not. */
    public static final boolean SPIKE_MUST_EXCEED_CHANCE = true;
    /** The running medians look at this many previous log lines. */
    public static final int MEDIAN_WINDOW = 20;
    /** Spike and gradient checks need this many previous lines. */
    public static final int MIN_BASELINE_LINES = 3;
    /** Diverging: the median of the latest lines is this many times the first logged loss. */
    public static final double DIVERGENCE_FACTOR = 1.5;
    /** Lines whose median is compared with the first loss. */
    public static final int DIVERGENCE_LINES = 3;
    /** A gradient norm this many times its running median is exploding. */
    public static final double GRADIENT_EXPLOSION_FACTOR = 10.0;
    /** BERT fine-tuning's usual rates end here; above it a loss stuck at chance is a collapse. */
    public static final double USUAL_RATE_CEILING = 1e-4;
    /** Log lines at full rate (past warm-up) whose median is compared with chance level. */
    public static final int COLLAPSE_LINES = 5;
    /** A line counts as past warm-up when its rate is at least this share of the peak rate. */
    public static final double FULL_RATE_SHARE = 0.5;
    /** "At chance": the median loss is at least this share of ln(classes). */
    public static final double CHANCE_LOSS_SHARE = 0.95;
    public static final double RATE_DIVISOR = 10.0;
    public static final double REMEDY_WARMUP_RATIO = 0.1;
    public static final double REMEDY_MAX_GRAD_NORM = 1.0;
    /** The kind of the notice the fine-tuner sends when the loss or the gradients became NaN or infinite. */
    public static final String DIVERGED_NOTICE = "diverged";

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.LEARNING_RATE_TOO_HIGH;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        Optional<Diagnosis> fromLog = earliest(fromLogLines(history, facts), collapse(history, facts));
        Optional<Diagnosis> fromNotice = history.notices().stream()
                .filter(n -> n.kind().equals(DIVERGED_NOTICE)).findFirst()
                .map(n -> diagnosis(n.step(), Severity.PROBLEM, "the run diverged at step " + n.step() + ": "
                        + n.message(), Map.of("step", (double) n.step()), facts));
        return earliest(fromLog, fromNotice);
    }

    private static Optional<Diagnosis> earliest(Optional<Diagnosis> a, Optional<Diagnosis> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().step() <= b.get().step() ? a : b;
        }
        return a.isPresent() ? a : b;
    }

    private Optional<Diagnosis> collapse(TrainingHistory history, RunFacts facts) {
        Hyperparameters hp = facts.hyperparameters();
        double chance = facts.chanceLoss();
        if (hp.learningRate() <= USUAL_RATE_CEILING || Double.isNaN(chance)) {
            return Optional.empty();
        }
        List<TrainingEvents.StepLogged> window = new ArrayList<>();
        for (TrainingEvents.StepLogged line : history.steps()) {
            if (line.learningRate() >= FULL_RATE_SHARE * hp.learningRate() && Double.isFinite(line.loss())) {
                window.add(line);
                if (window.size() == COLLAPSE_LINES) {
                    break;
                }
            }
        }
        if (window.size() < COLLAPSE_LINES) {
            return Optional.empty();
        }
        double median = Median.of(window.stream().map(TrainingEvents.StepLogged::loss).toList());
        if (median < CHANCE_LOSS_SHARE * chance) {
            return Optional.empty();
        }
        int from = window.get(0).step();
        int to = window.get(COLLAPSE_LINES - 1).step();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("median_loss", median);
        values.put("chance_loss", chance);
        values.put("learning_rate", hp.learningRate());
        values.put("from_step", (double) from);
        values.put("to_step", (double) to);
        return Optional.of(diagnosis(to, Severity.PROBLEM, "loss stayed at chance level (median "
                + Figures.number(median) + " vs ln(" + facts.numLabels() + ") = " + Figures.number(chance)
                + ") from step " + from + " to " + to + " at learning rate " + Figures.number(hp.learningRate())
                + ", above BERT's usual ceiling of " + Figures.number(USUAL_RATE_CEILING)
                + ": the model collapsed to guessing", values, facts));
    }

    private Optional<Diagnosis> fromLogLines(TrainingHistory history, RunFacts facts) {
        Deque<Double> losses = new ArrayDeque<>();
        Deque<Double> gradients = new ArrayDeque<>();
        Deque<Double> latest = new ArrayDeque<>();
        double initial = Double.NaN;
        for (TrainingEvents.StepLogged line : history.steps()) {
            int step = line.step();
            if (!Double.isFinite(line.loss()) || !Double.isFinite(line.gradNorm())) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("loss", line.loss());
                values.put("grad_norm", line.gradNorm());
                values.put("learning_rate", line.learningRate());
                return Optional.of(diagnosis(step, Severity.PROBLEM, "loss " + line.loss() + " and gradient norm "
                        + line.gradNorm() + " at step " + step + " (learning rate "
                        + Figures.number(line.learningRate()) + ")", values, facts));
            }
            if (Double.isNaN(initial)) {
                initial = line.loss();
            }
            if (losses.size() >= MIN_BASELINE_LINES) {
                double median = Median.of(losses);
                boolean aboveChance = !SPIKE_MUST_EXCEED_CHANCE || Double.isNaN(facts.chanceLoss())
                        || line.loss() > facts.chanceLoss();
                if (line.loss() > SPIKE_FACTOR * median && aboveChance) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("loss", line.loss());
                    values.put("running_median", median);
                    values.put("factor", line.loss() / median);
                    values.put("learning_rate", line.learningRate());
                    return Optional.of(diagnosis(step, Severity.WARNING, "loss spiked to "
                            + Figures.number(line.loss()) + " at step " + step + ", " + Figures.number(line.loss()
                            / median) + "x its running median " + Figures.number(median) + " (learning rate "
                            + Figures.number(line.learningRate()) + ")", values, facts));
                }
                double gradientMedian = Median.of(gradients);
                // a large gradient while the loss keeps falling is the classifier sharpening (and clipping
                // contains it); only together with a loss above its running median does it point at the rate
                if (gradientMedian > 0 && line.gradNorm() > GRADIENT_EXPLOSION_FACTOR * gradientMedian
                        && line.loss() > median) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("grad_norm", line.gradNorm());
                    values.put("running_median", gradientMedian);
                    values.put("factor", line.gradNorm() / gradientMedian);
                    values.put("learning_rate", line.learningRate());
                    return Optional.of(diagnosis(step, Severity.WARNING, "gradient norm exploded to "
                            + Figures.number(line.gradNorm()) + " at step " + step + ", "
                            + Figures.number(line.gradNorm() / gradientMedian) + "x its running median "
                            + Figures.number(gradientMedian), values, facts));
                }
            }
            push(losses, line.loss(), MEDIAN_WINDOW);
            push(gradients, line.gradNorm(), MEDIAN_WINDOW);
            push(latest, line.loss(), DIVERGENCE_LINES);
            if (latest.size() == DIVERGENCE_LINES) {
                double recent = Median.of(latest);
                if (recent > DIVERGENCE_FACTOR * initial) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("initial_loss", initial);
                    values.put("recent_loss", recent);
                    values.put("factor", recent / initial);
                    return Optional.of(diagnosis(step, Severity.PROBLEM, "loss climbed from "
                            + Figures.number(initial) + " at the start to " + Figures.number(recent) + " by step "
                            + step + " (median of the last " + DIVERGENCE_LINES + " log lines), "
                            + Figures.number(recent / initial) + "x where it started", values, facts));
                }
            }
        }
        return Optional.empty();
    }

    private static void push(Deque<Double> window, double value, int size) {
        window.addLast(value);
        if (window.size() > size) {
            window.removeFirst();
        }
    }

    private Diagnosis diagnosis(int step, Severity severity, String sentence, Map<String, Double> values,
            RunFacts facts) {
        return Diagnosis.atStep(kind(), severity, step, "Learning rate too high: the loss is unstable",
                new Evidence(sentence, values), remedy(facts.hyperparameters()));
    }

    private static Remedy remedy(Hyperparameters hp) {
        Remedy.Builder remedy = Remedy.from(hp).set("learning_rate", hp.learningRate() / RATE_DIVISOR);
        if (hp.warmupSteps() == 0 && hp.warmupRatio() < REMEDY_WARMUP_RATIO) {
            remedy.set("warmup_ratio", REMEDY_WARMUP_RATIO);
        }
        if (hp.maxGradNorm() == 0 || hp.maxGradNorm() > REMEDY_MAX_GRAD_NORM) {
            remedy.set("max_grad_norm", REMEDY_MAX_GRAD_NORM);
        }
        return remedy.build("lower the learning rate tenfold, warm it up over the first steps and clip the "
                + "gradient norm");
    }
}
