package dev.bertlab.engine.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.bertlab.engine.augment.AugmentationMode;
import dev.bertlab.engine.augment.TextAugmenter;
import dev.bertlab.engine.augment.TrainingAugmentation;
import dev.bertlab.engine.model.ComputePrecision;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.tokenize.Truncation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every knob of a fine-tuning run, with Hugging Face Trainer's defaults. One immutable record: stored with the
 * run, shown in the UI, written into checkpoints and printed by the CLI. A field left out (null) takes its
 * default; every value is validated and all problems are reported together.
 *
 * @param learningRate peak learning rate of AdamW; 2e-5 to 5e-5 is the usual range for BERT
 * @param batchSize examples per forward pass; the optimizer sees batchSize x gradientAccumulation
 * @param epochs passes over the training split
 * @param maxSteps stop after this many optimizer steps; 0 runs all epochs (handy for quick checks)
 * @param weightDecay decoupled weight decay of AdamW, never applied to biases and LayerNorm
 * @param warmupRatio share of all steps spent warming the learning rate up from 0
 * @param warmupSteps warm-up in steps; when above 0 it wins over warmupRatio
 * @param scheduler how the learning rate decays after warm-up
 * @param hiddenDropout dropout after embeddings, attention output and feed-forward (BERT: 0.1)
 * @param attentionDropout dropout on attention probabilities (BERT: 0.1)
 * @param classifierDropout dropout before the classification head (0.3 is the usual anti-overfitting remedy)
 * @param maxLength tokens per input including [CLS] and [SEP], at most 512
 * @param truncation which tokens of a longer text survive: head, tail, head+tail:N
 * @param gradientAccumulation forward passes whose gradients add up before one optimizer step
 * @param maxGradNorm clip the global gradient norm to this; 0 disables clipping
 * @param adamBeta1 AdamW's first-moment decay
 * @param adamBeta2 AdamW's second-moment decay
 * @param adamEpsilon AdamW's denominator epsilon
 * @param evalStrategy when to evaluate on the validation split
 * @param evalSteps with evalStrategy STEPS: evaluate every this many optimizer steps
 * @param loggingSteps write a training-log line every this many optimizer steps
 * @param saveStrategy when to write a checkpoint
 * @param saveSteps with saveStrategy STEPS: checkpoint every this many optimizer steps
 * @param saveTotalLimit checkpoints kept besides the best one (the oldest go first)
 * @param metricForBestModel validation metric that picks the best checkpoint and drives early stopping
 * @param greaterIsBetter whether a larger metricForBestModel is better (null: decided by the metric)
 * @param earlyStoppingPatience evaluations without improvement before stopping; 0 disables early stopping
 * @param earlyStoppingThreshold smallest change that counts as an improvement
 * @param loadBestModelAtEnd restore the best checkpoint's weights before the final test evaluation
 * @param seed makes data order, dropout and initialisation reproducible
 * @param classWeights loss weight per class (in label order), for imbalanced data; empty means all 1
 * @param precision compute type of matrix products: fp16 runs only on CUDA, a CPU run computes in fp32 and says so
 * @param groupByLength batch texts of similar length together (dynamic padding wastes less)
 * @param padToMaxLength pad every batch to maxLength instead of its longest text (only for comparisons)
 * @param evalBatchSize examples per forward pass during evaluation
 * @param augmentation augmented copies of the training split against overfitting: NONE, EDA (each copy gets one of
 *     synonym replacement, swap or deletion), SYNONYMS, SWAP or DELETION; validation and test stay as they are
 * @param augmentationStrength share of words each augmentation operation touches, 0 to 0.5 (EDA: 0.1)
 * @param augmentedCopies augmented copies per training example, 1 to 16; training time grows with 1 + copies
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Hyperparameters(
        Double learningRate,
        Integer batchSize,
        Integer epochs,
        Integer maxSteps,
        Double weightDecay,
        Double warmupRatio,
        Integer warmupSteps,
        Scheduler scheduler,
        Double hiddenDropout,
        Double attentionDropout,
        Double classifierDropout,
        Integer maxLength,
        String truncation,
        Integer gradientAccumulation,
        Double maxGradNorm,
        Double adamBeta1,
        Double adamBeta2,
        Double adamEpsilon,
        EvalStrategy evalStrategy,
        Integer evalSteps,
        Integer loggingSteps,
        SaveStrategy saveStrategy,
        Integer saveSteps,
        Integer saveTotalLimit,
        String metricForBestModel,
        Boolean greaterIsBetter,
        Integer earlyStoppingPatience,
        Double earlyStoppingThreshold,
        Boolean loadBestModelAtEnd,
        Long seed,
        List<Double> classWeights,
        ComputePrecision precision,
        Boolean groupByLength,
        Boolean padToMaxLength,
        Integer evalBatchSize,
        AugmentationMode augmentation,
        Double augmentationStrength,
        Integer augmentedCopies) {

    /** The learning rate's course after warm-up (the {@code scheduler} knob). */
    public enum Scheduler { CONSTANT, LINEAR, COSINE }

    public enum EvalStrategy { NO, EPOCH, STEPS }

    public enum SaveStrategy { NO, EPOCH, STEPS }

    /** Metrics a run can select its best checkpoint by; "loss" means validation loss. */
    public static final Set<String> SELECTABLE_METRICS = Set.of("loss", "accuracy", "f1", "f1_macro",
            "f1_weighted", "precision_macro", "recall_macro", "roc_auc", "mse", "mae", "r2");

    public Hyperparameters {
        learningRate = or(learningRate, 2e-5);
        batchSize = or(batchSize, 16);
        epochs = or(epochs, 3);
        maxSteps = or(maxSteps, 0);
        weightDecay = or(weightDecay, 0.01);
        warmupRatio = or(warmupRatio, 0.1);
        warmupSteps = or(warmupSteps, 0);
        scheduler = or(scheduler, Scheduler.LINEAR);
        hiddenDropout = or(hiddenDropout, 0.1);
        attentionDropout = or(attentionDropout, 0.1);
        classifierDropout = or(classifierDropout, 0.1);
        maxLength = or(maxLength, 256);
        truncation = or(truncation, "head");
        gradientAccumulation = or(gradientAccumulation, 1);
        maxGradNorm = or(maxGradNorm, 1.0);
        adamBeta1 = or(adamBeta1, 0.9);
        adamBeta2 = or(adamBeta2, 0.999);
        adamEpsilon = or(adamEpsilon, 1e-8);
        evalStrategy = or(evalStrategy, EvalStrategy.EPOCH);
        evalSteps = or(evalSteps, 500);
        loggingSteps = or(loggingSteps, 10);
        saveStrategy = or(saveStrategy, SaveStrategy.EPOCH);
        saveSteps = or(saveSteps, 500);
        saveTotalLimit = or(saveTotalLimit, 2);
        metricForBestModel = or(metricForBestModel, "loss");
        earlyStoppingPatience = or(earlyStoppingPatience, 0);
        earlyStoppingThreshold = or(earlyStoppingThreshold, 0.0);
        loadBestModelAtEnd = or(loadBestModelAtEnd, true);
        seed = or(seed, 42L);
        classWeights = classWeights == null ? List.of() : List.copyOf(classWeights);
        precision = or(precision, ComputePrecision.FP32);
        groupByLength = or(groupByLength, true);
        padToMaxLength = or(padToMaxLength, false);
        evalBatchSize = or(evalBatchSize, 32);
        augmentation = or(augmentation, AugmentationMode.NONE);
        augmentationStrength = or(augmentationStrength, 0.1);
        augmentedCopies = or(augmentedCopies, 1);
        if (greaterIsBetter == null) {
            greaterIsBetter = !Set.of("loss", "mse", "mae").contains(metricForBestModel);
        }
        validate(learningRate, batchSize, epochs, maxSteps, weightDecay, warmupRatio, warmupSteps, hiddenDropout,
                attentionDropout, classifierDropout, maxLength, truncation, gradientAccumulation, maxGradNorm,
                adamBeta1, adamBeta2, adamEpsilon, evalStrategy, evalSteps, loggingSteps, saveStrategy, saveSteps,
                saveTotalLimit, metricForBestModel, earlyStoppingPatience, earlyStoppingThreshold, classWeights,
                evalBatchSize, augmentationStrength, augmentedCopies);
    }

    /** Every default. */
    public static Hyperparameters defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder(null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @JsonIgnore
    public DropoutRates dropoutRates() {
        return new DropoutRates(hiddenDropout.floatValue(), attentionDropout.floatValue(),
                classifierDropout.floatValue());
    }

    @JsonIgnore
    public Truncation truncationRule() {
        return Truncation.parse(truncation);
    }

    /** Examples per optimizer step. */
    @JsonIgnore
    public int effectiveBatchSize() {
        return batchSize * gradientAccumulation;
    }

    /** Warm-up steps for a run of {@code totalSteps}. */
    public int warmupStepsFor(int totalSteps) {
        return warmupSteps > 0 ? warmupSteps : (int) Math.ceil(warmupRatio * totalSteps);
    }

    private static void validate(double learningRate, int batchSize, int epochs, int maxSteps, double weightDecay,
            double warmupRatio, int warmupSteps, double hiddenDropout, double attentionDropout,
            double classifierDropout, int maxLength, String truncation, int gradientAccumulation,
            double maxGradNorm, double beta1, double beta2, double epsilon, EvalStrategy evalStrategy, int evalSteps,
            int loggingSteps, SaveStrategy saveStrategy, int saveSteps, int saveTotalLimit, String metric,
            int patience, double threshold, List<Double> classWeights, int evalBatchSize, double augmentationStrength,
            int augmentedCopies) {
        Map<String, String> problems = new LinkedHashMap<>();
        check(problems, "learning_rate", learningRate > 0 && learningRate <= 1,
                "must be above 0 and at most 1 (BERT usually takes 2e-5 to 5e-5), got " + learningRate);
        check(problems, "batch_size", batchSize >= 1 && batchSize <= 4096, "must be 1 to 4096, got " + batchSize);
        check(problems, "epochs", epochs >= 1 && epochs <= 1000, "must be 1 to 1000, got " + epochs);
        check(problems, "max_steps", maxSteps >= 0, "must not be negative (0 runs all epochs), got " + maxSteps);
        check(problems, "weight_decay", weightDecay >= 0 && weightDecay < 1, "must be in [0, 1), got "
                + weightDecay);
        check(problems, "warmup_ratio", warmupRatio >= 0 && warmupRatio < 1, "must be in [0, 1), got "
                + warmupRatio);
        check(problems, "warmup_steps", warmupSteps >= 0, "must not be negative, got " + warmupSteps);
        checkDropout(problems, "hidden_dropout", hiddenDropout);
        checkDropout(problems, "attention_dropout", attentionDropout);
        checkDropout(problems, "classifier_dropout", classifierDropout);
        check(problems, "max_length", maxLength >= 8 && maxLength <= 512,
                "must be 8 to 512 tokens (BERT has 512 positions), got " + maxLength);
        try {
            Truncation.parse(truncation);
        } catch (IllegalArgumentException e) {
            problems.put("truncation", e.getMessage());
        }
        check(problems, "gradient_accumulation", gradientAccumulation >= 1 && gradientAccumulation <= 1024,
                "must be 1 to 1024, got " + gradientAccumulation);
        check(problems, "max_grad_norm", maxGradNorm >= 0, "must not be negative (0 disables clipping), got "
                + maxGradNorm);
        check(problems, "adam_beta1", beta1 >= 0 && beta1 < 1, "must be in [0, 1), got " + beta1);
        check(problems, "adam_beta2", beta2 >= 0 && beta2 < 1, "must be in [0, 1), got " + beta2);
        check(problems, "adam_epsilon", epsilon > 0 && epsilon < 1, "must be in (0, 1), got " + epsilon);
        check(problems, "eval_steps", evalStrategy != EvalStrategy.STEPS || evalSteps >= 1,
                "must be at least 1 with eval_strategy STEPS, got " + evalSteps);
        check(problems, "logging_steps", loggingSteps >= 1, "must be at least 1, got " + loggingSteps);
        check(problems, "save_steps", saveStrategy != SaveStrategy.STEPS || saveSteps >= 1,
                "must be at least 1 with save_strategy STEPS, got " + saveSteps);
        check(problems, "save_total_limit", saveTotalLimit >= 1, "must be at least 1, got " + saveTotalLimit);
        check(problems, "metric_for_best_model", SELECTABLE_METRICS.contains(metric),
                "must be one of " + new java.util.TreeSet<>(SELECTABLE_METRICS) + ", got " + metric);
        check(problems, "early_stopping_patience", patience >= 0, "must not be negative (0 disables), got "
                + patience);
        check(problems, "early_stopping_patience", patience == 0 || evalStrategy != EvalStrategy.NO,
                "early stopping needs evaluations: set eval_strategy to EPOCH or STEPS");
        check(problems, "early_stopping_threshold", threshold >= 0, "must not be negative, got " + threshold);
        check(problems, "class_weights", classWeights.stream().allMatch(w -> w != null && w > 0 && w < 1e6),
                "every weight must be positive, got " + classWeights);
        check(problems, "eval_batch_size", evalBatchSize >= 1 && evalBatchSize <= 4096,
                "must be 1 to 4096, got " + evalBatchSize);
        check(problems, "augmentation_strength", augmentationStrength >= 0
                        && augmentationStrength <= TextAugmenter.MAX_STRENGTH,
                "must be 0 to " + TextAugmenter.MAX_STRENGTH + " (the share of words each operation touches; EDA "
                        + "uses 0.1), got " + augmentationStrength);
        check(problems, "augmented_copies", augmentedCopies >= 1
                        && augmentedCopies <= TrainingAugmentation.MAX_COPIES,
                "must be 1 to " + TrainingAugmentation.MAX_COPIES + " copies per training example, got "
                        + augmentedCopies);
        if (!problems.isEmpty()) {
            throw new InvalidHyperparametersException(problems);
        }
    }

    private static void checkDropout(Map<String, String> problems, String field, double rate) {
        check(problems, field, rate >= 0 && rate < 1, "must be in [0, 1), got " + rate);
    }

    private static void check(Map<String, String> problems, String field, boolean ok, String message) {
        if (!ok) {
            problems.putIfAbsent(field, message);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lr %.2g, batch %d x %d, epochs %d, wd %.3g, warmup %s, %s, dropout "
                        + "%.2f/%.2f/%.2f, max length %d (%s), clip %.2g, seed %d, %s",
                learningRate, batchSize, gradientAccumulation, epochs, weightDecay,
                warmupSteps > 0 ? warmupSteps + " steps" : warmupRatio + "", scheduler.name().toLowerCase(Locale.ROOT),
                hiddenDropout, attentionDropout, classifierDropout, maxLength, truncation, maxGradNorm, seed,
                precision) + (augmentation == AugmentationMode.NONE ? "" : String.format(Locale.ROOT,
                ", augmentation %s x%d (strength %.2f)", augmentation, augmentedCopies, augmentationStrength));
    }

    /** Whether the training split gets augmented copies. */
    @JsonIgnore
    public boolean augments() {
        return augmentation != AugmentationMode.NONE;
    }

    /** Builds hyperparameters field by field; unset fields take their defaults. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(Hyperparameters from) {
            if (from != null) {
                for (var component : Hyperparameters.class.getRecordComponents()) {
                    try {
                        values.put(component.getName(), component.getAccessor().invoke(from));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        public Builder learningRate(double v) { return set("learningRate", v); }
        public Builder batchSize(int v) { return set("batchSize", v); }
        public Builder epochs(int v) { return set("epochs", v); }
        public Builder maxSteps(int v) { return set("maxSteps", v); }
        public Builder weightDecay(double v) { return set("weightDecay", v); }
        public Builder warmupRatio(double v) { return set("warmupRatio", v); }
        public Builder warmupSteps(int v) { return set("warmupSteps", v); }
        public Builder scheduler(Scheduler v) { return set("scheduler", v); }
        public Builder hiddenDropout(double v) { return set("hiddenDropout", v); }
        public Builder attentionDropout(double v) { return set("attentionDropout", v); }
        public Builder classifierDropout(double v) { return set("classifierDropout", v); }
        public Builder dropout(double v) {
            return hiddenDropout(v).attentionDropout(v).classifierDropout(v);
        }
        public Builder maxLength(int v) { return set("maxLength", v); }
        public Builder truncation(String v) { return set("truncation", v); }
        public Builder gradientAccumulation(int v) { return set("gradientAccumulation", v); }
        public Builder maxGradNorm(double v) { return set("maxGradNorm", v); }
        public Builder evalStrategy(EvalStrategy v) { return set("evalStrategy", v); }
        public Builder evalSteps(int v) { return set("evalSteps", v); }
        public Builder loggingSteps(int v) { return set("loggingSteps", v); }
        public Builder saveStrategy(SaveStrategy v) { return set("saveStrategy", v); }
        public Builder saveSteps(int v) { return set("saveSteps", v); }
        public Builder saveTotalLimit(int v) { return set("saveTotalLimit", v); }
        public Builder metricForBestModel(String v) { return set("metricForBestModel", v); }
        public Builder earlyStoppingPatience(int v) { return set("earlyStoppingPatience", v); }
        public Builder earlyStoppingThreshold(double v) { return set("earlyStoppingThreshold", v); }
        public Builder loadBestModelAtEnd(boolean v) { return set("loadBestModelAtEnd", v); }
        public Builder seed(long v) { return set("seed", v); }
        public Builder classWeights(List<Double> v) { return set("classWeights", v); }
        public Builder precision(ComputePrecision v) { return set("precision", v); }
        public Builder groupByLength(boolean v) { return set("groupByLength", v); }
        public Builder padToMaxLength(boolean v) { return set("padToMaxLength", v); }
        public Builder evalBatchSize(int v) { return set("evalBatchSize", v); }
        public Builder augmentation(AugmentationMode v) { return set("augmentation", v); }
        public Builder augmentationStrength(double v) { return set("augmentationStrength", v); }
        public Builder augmentedCopies(int v) { return set("augmentedCopies", v); }

        private Builder set(String field, Object value) {
            values.put(field, value);
            return this;
        }

        public Hyperparameters build() {
            var components = Hyperparameters.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = values.get(components[i].getName());
                types[i] = components[i].getType();
            }
            try {
                return Hyperparameters.class.getDeclaredConstructor(types).newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
