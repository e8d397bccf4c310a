package dev.bertlab.engine.train;

import static dev.bertlab.engine.train.Knobs.ADAM_BETA1;
import static dev.bertlab.engine.train.Knobs.ADAM_BETA2;
import static dev.bertlab.engine.train.Knobs.ADAM_EPSILON;
import static dev.bertlab.engine.train.Knobs.ATTENTION_DROPOUT;
import static dev.bertlab.engine.train.Knobs.AUGMENTATION;
import static dev.bertlab.engine.train.Knobs.AUGMENTATION_STRENGTH;
import static dev.bertlab.engine.train.Knobs.AUGMENTED_COPIES;
import static dev.bertlab.engine.train.Knobs.BATCH_SIZE;
import static dev.bertlab.engine.train.Knobs.CLASSIFIER_DROPOUT;
import static dev.bertlab.engine.train.Knobs.CLASS_WEIGHTS;
import static dev.bertlab.engine.train.Knobs.EARLY_STOPPING_PATIENCE;
import static dev.bertlab.engine.train.Knobs.EARLY_STOPPING_THRESHOLD;
import static dev.bertlab.engine.train.Knobs.EPOCHS;
import static dev.bertlab.engine.train.Knobs.EVAL_BATCH_SIZE;
import static dev.bertlab.engine.train.Knobs.EVAL_STEPS;
import static dev.bertlab.engine.train.Knobs.EVAL_STRATEGY;
import static dev.bertlab.engine.train.Knobs.GRADIENT_ACCUMULATION;
import static dev.bertlab.engine.train.Knobs.GREATER_IS_BETTER;
import static dev.bertlab.engine.train.Knobs.GROUP_BY_LENGTH;
import static dev.bertlab.engine.train.Knobs.HIDDEN_DROPOUT;
import static dev.bertlab.engine.train.Knobs.LEARNING_RATE;
import static dev.bertlab.engine.train.Knobs.LOAD_BEST_MODEL_AT_END;
import static dev.bertlab.engine.train.Knobs.LOGGING_STEPS;
import static dev.bertlab.engine.train.Knobs.MAX_GRAD_NORM;
import static dev.bertlab.engine.train.Knobs.MAX_LENGTH;
import static dev.bertlab.engine.train.Knobs.MAX_STEPS;
import static dev.bertlab.engine.train.Knobs.METRIC_FOR_BEST_MODEL;
import static dev.bertlab.engine.train.Knobs.PAD_TO_MAX_LENGTH;
import static dev.bertlab.engine.train.Knobs.PRECISION;
import static dev.bertlab.engine.train.Knobs.SAVE_STEPS;
import static dev.bertlab.engine.train.Knobs.SAVE_STRATEGY;
import static dev.bertlab.engine.train.Knobs.SAVE_TOTAL_LIMIT;
import static dev.bertlab.engine.train.Knobs.SCHEDULER;
import static dev.bertlab.engine.train.Knobs.SEED;
import static dev.bertlab.engine.train.Knobs.TRUNCATION;
import static dev.bertlab.engine.train.Knobs.WARMUP_RATIO;
import static dev.bertlab.engine.train.Knobs.WARMUP_STEPS;
import static dev.bertlab.engine.train.Knobs.WEIGHT_DECAY;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.bertlab.engine.augment.AugmentationMode;
import dev.bertlab.engine.model.ComputePrecision;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.tokenize.Truncation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of every knob in {@link Knobs} for one fine-tuning run: stored with the run, shown in the UI, written
 * into checkpoints and printed by the CLI. Immutable; a knob left out takes its default; every value is validated
 * and all problems are reported together, keyed by the knob's snake_case name. As JSON it is an object of those
 * names, which is also the run config file's {@code hyperparameters} section.
 */
public final class Hyperparameters implements KnobValues {

    /** The learning rate's course after warm-up (the {@code scheduler} knob). */
    public enum Scheduler { CONSTANT, LINEAR, COSINE }

    public enum EvalStrategy { NO, EPOCH, STEPS }

    public enum SaveStrategy { NO, EPOCH, STEPS }

    /** Every knob's value, in table order. */
    private final Map<Knob<?>, Object> values;

    private Hyperparameters(Map<Knob<?>, Object> given) {
        Map<Knob<?>, Object> resolved = new LinkedHashMap<>();
        KnobValues sofar = new KnobValues() {
            @Override
            public <T> T get(Knob<T> knob) {
                return knob.resolve(cast(knob, given.get(knob)), this);
            }
        };
        for (Knob<?> knob : Knobs.all()) {
            resolved.put(knob, sofar.get(knob));
        }
        this.values = resolved;
        Map<String, String> problems = new LinkedHashMap<>();
        for (Knob<?> knob : Knobs.all()) {
            problemOf(knob).ifPresent(problem -> problems.put(knob.key(), problem));
        }
        if (!problems.isEmpty()) {
            throw new InvalidHyperparametersException(problems);
        }
    }

    private <T> java.util.Optional<String> problemOf(Knob<T> knob) {
        return knob.problem(get(knob), this);
    }

    /** Every default. */
    public static Hyperparameters defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** A builder holding these values; a knob still at its derived default keeps following the other knobs. */
    public Builder toBuilder() {
        return new Builder(chosen());
    }

    /** The values without the knobs that are at their derived default, which keep following the other knobs. */
    private Map<Knob<?>, Object> chosen() {
        Map<Knob<?>, Object> chosen = new LinkedHashMap<>(values);
        chosen.keySet().removeIf(knob -> knob.hasDerivedDefault() && Knob.AUTO.equals(textOf(knob)));
        return chosen;
    }

    @Override
    public <T> T get(Knob<T> knob) {
        return cast(knob, values.get(knob));
    }

    /**
     * Reads hyperparameters from a JSON or YAML object keyed by snake_case knob names (numbers, texts, booleans,
     * lists; a number may also come as its text); a knob left out or null takes its default.
     *
     * @throws InvalidHyperparametersException one message per offending knob, unknown names included
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Hyperparameters fromMap(Map<String, Object> document) {
        Map<String, String> problems = new LinkedHashMap<>();
        Builder builder = builder();
        document.forEach((key, raw) -> {
            var knob = Knobs.byKey(key);
            if (knob.isEmpty()) {
                problems.put(key, "no such hyperparameter; the names are " + keys());
                return;
            }
            try {
                builder.values.put(knob.get(), knob.get().read(raw));
            } catch (IllegalArgumentException e) {
                problems.put(key, e.getMessage());
            }
        });
        return builder.build(problems);
    }

    /**
     * Reads hyperparameters from the texts a form holds, keyed by snake_case name; a missing or blank text takes
     * the default.
     *
     * @throws InvalidHyperparametersException with one message per offending knob, unreadable texts included
     */
    public static Hyperparameters fromTexts(Map<String, String> texts) {
        Map<String, Object> given = new LinkedHashMap<>();
        texts.forEach((key, text) -> {
            if (Knobs.byKey(key).isEmpty() || (text != null && !text.isBlank())) {
                given.put(key, text);
            }
        });
        return fromMap(given);
    }

    /**
     * These hyperparameters with some knobs replaced by name (a sweep's trial, a remedy); a knob that follows others
     * (greater_is_better) keeps following them unless it is among the changes.
     *
     * @throws InvalidHyperparametersException one message per offending knob, unknown names included
     */
    public Hyperparameters with(Map<String, ?> changes) {
        Map<String, Object> document = new LinkedHashMap<>();
        chosen().forEach((knob, value) -> document.put(knob.key(), knob.toJson(value)));
        document.putAll(changes);
        return fromMap(document);
    }

    /** Every knob's value by snake_case name, in table order: the JSON form. */
    @JsonValue
    public Map<String, Object> asMap() {
        Map<String, Object> document = new LinkedHashMap<>();
        values.forEach((knob, value) -> document.put(knob.key(), knob.toJson(value)));
        return document;
    }

    /** Every knob's value as the form writes it, keyed by snake_case name, in form order. */
    public Map<String, String> asTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((knob, value) -> texts.put(knob.key(), knob.format(value, this)));
        return texts;
    }

    /** One knob's value as the form writes it. */
    public String textOf(Knob<?> knob) {
        return knob.format(values.get(knob), this);
    }

    private static String keys() {
        return String.join(", ", Knobs.all().stream().map(Knob::key).toList());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Knob<T> knob, Object value) {
        return (T) value;
    }

    // Typed shorthands for the knobs the engine reads most; any knob can be read with get(Knobs.X).

    public Double learningRate() { return get(LEARNING_RATE); }
    public Integer batchSize() { return get(BATCH_SIZE); }
    public Integer epochs() { return get(EPOCHS); }
    public Integer maxSteps() { return get(MAX_STEPS); }
    public Double weightDecay() { return get(WEIGHT_DECAY); }
    public Double warmupRatio() { return get(WARMUP_RATIO); }
    public Integer warmupSteps() { return get(WARMUP_STEPS); }
    public Scheduler scheduler() { return get(SCHEDULER); }
    public Double hiddenDropout() { return get(HIDDEN_DROPOUT); }
    public Double attentionDropout() { return get(ATTENTION_DROPOUT); }
    public Double classifierDropout() { return get(CLASSIFIER_DROPOUT); }
    public Integer maxLength() { return get(MAX_LENGTH); }
    public String truncation() { return get(TRUNCATION); }
    public Integer gradientAccumulation() { return get(GRADIENT_ACCUMULATION); }
    public Double maxGradNorm() { return get(MAX_GRAD_NORM); }
    public Double adamBeta1() { return get(ADAM_BETA1); }
    public Double adamBeta2() { return get(ADAM_BETA2); }
    public Double adamEpsilon() { return get(ADAM_EPSILON); }
    public EvalStrategy evalStrategy() { return get(EVAL_STRATEGY); }
    public Integer evalSteps() { return get(EVAL_STEPS); }
    public Integer loggingSteps() { return get(LOGGING_STEPS); }
    public SaveStrategy saveStrategy() { return get(SAVE_STRATEGY); }
    public Integer saveSteps() { return get(SAVE_STEPS); }
    public Integer saveTotalLimit() { return get(SAVE_TOTAL_LIMIT); }
    public String metricForBestModel() { return get(METRIC_FOR_BEST_MODEL); }
    public Boolean greaterIsBetter() { return get(GREATER_IS_BETTER); }
    public Integer earlyStoppingPatience() { return get(EARLY_STOPPING_PATIENCE); }
    public Double earlyStoppingThreshold() { return get(EARLY_STOPPING_THRESHOLD); }
    public Boolean loadBestModelAtEnd() { return get(LOAD_BEST_MODEL_AT_END); }
    public Long seed() { return get(SEED); }
    public List<Double> classWeights() { return get(CLASS_WEIGHTS); }
    public ComputePrecision precision() { return get(PRECISION); }
    public Boolean groupByLength() { return get(GROUP_BY_LENGTH); }
    public Boolean padToMaxLength() { return get(PAD_TO_MAX_LENGTH); }
    public Integer evalBatchSize() { return get(EVAL_BATCH_SIZE); }
    public AugmentationMode augmentation() { return get(AUGMENTATION); }
    public Double augmentationStrength() { return get(AUGMENTATION_STRENGTH); }
    public Integer augmentedCopies() { return get(AUGMENTED_COPIES); }

    public DropoutRates dropoutRates() {
        return new DropoutRates(hiddenDropout().floatValue(), attentionDropout().floatValue(),
                classifierDropout().floatValue());
    }

    public Truncation truncationRule() {
        return Truncation.parse(truncation());
    }

    /** Examples per optimizer step. */
    public int effectiveBatchSize() {
        return batchSize() * gradientAccumulation();
    }

    /** Warm-up steps for a run of {@code totalSteps}. */
    public int warmupStepsFor(int totalSteps) {
        return warmupSteps() > 0 ? warmupSteps() : (int) Math.ceil(warmupRatio() * totalSteps);
    }

    /** Whether the training split gets augmented copies. */
    public boolean augments() {
        return augmentation() != AugmentationMode.NONE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hyperparameters that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lr %.2g, batch %d x %d, epochs %d, wd %.3g, warmup %s, %s, dropout "
                        + "%.2f/%.2f/%.2f, max length %d (%s), clip %.2g, seed %d, %s",
                learningRate(), batchSize(), gradientAccumulation(), epochs(), weightDecay(),
                warmupSteps() > 0 ? warmupSteps() + " steps" : warmupRatio() + "",
                scheduler().name().toLowerCase(Locale.ROOT), hiddenDropout(), attentionDropout(), classifierDropout(),
                maxLength(), truncation(), maxGradNorm(), seed(), precision())
                + (augments() ? String.format(Locale.ROOT, ", augmentation %s x%d (strength %.2f)", augmentation(),
                augmentedCopies(), augmentationStrength()) : "");
    }

    /** Builds hyperparameters knob by knob; knobs left unset take their defaults. */
    public static final class Builder {
        private final Map<Knob<?>, Object> values;

        private Builder(Map<Knob<?>, Object> from) {
            this.values = new HashMap<>(from);
        }

        public <T> Builder set(Knob<T> knob, T value) {
            values.put(knob, value);
            return this;
        }

        public Builder learningRate(double v) { return set(LEARNING_RATE, v); }
        public Builder batchSize(int v) { return set(BATCH_SIZE, v); }
        public Builder epochs(int v) { return set(EPOCHS, v); }
        public Builder maxSteps(int v) { return set(MAX_STEPS, v); }
        public Builder weightDecay(double v) { return set(WEIGHT_DECAY, v); }
        public Builder warmupRatio(double v) { return set(WARMUP_RATIO, v); }
        public Builder warmupSteps(int v) { return set(WARMUP_STEPS, v); }
        public Builder scheduler(Scheduler v) { return set(SCHEDULER, v); }
        public Builder hiddenDropout(double v) { return set(HIDDEN_DROPOUT, v); }
        public Builder attentionDropout(double v) { return set(ATTENTION_DROPOUT, v); }
        public Builder classifierDropout(double v) { return set(CLASSIFIER_DROPOUT, v); }
        public Builder dropout(double v) {
            return hiddenDropout(v).attentionDropout(v).classifierDropout(v);
        }
        public Builder maxLength(int v) { return set(MAX_LENGTH, v); }
        public Builder truncation(String v) { return set(TRUNCATION, v); }
        public Builder gradientAccumulation(int v) { return set(GRADIENT_ACCUMULATION, v); }
        public Builder maxGradNorm(double v) { return set(MAX_GRAD_NORM, v); }
        public Builder evalStrategy(EvalStrategy v) { return set(EVAL_STRATEGY, v); }
        public Builder evalSteps(int v) { return set(EVAL_STEPS, v); }
        public Builder loggingSteps(int v) { return set(LOGGING_STEPS, v); }
        public Builder saveStrategy(SaveStrategy v) { return set(SAVE_STRATEGY, v); }
        public Builder saveSteps(int v) { return set(SAVE_STEPS, v); }
        public Builder saveTotalLimit(int v) { return set(SAVE_TOTAL_LIMIT, v); }
        public Builder metricForBestModel(String v) { return set(METRIC_FOR_BEST_MODEL, v); }
        public Builder greaterIsBetter(Boolean v) { return set(GREATER_IS_BETTER, v); }
        public Builder earlyStoppingPatience(int v) { return set(EARLY_STOPPING_PATIENCE, v); }
        public Builder earlyStoppingThreshold(double v) { return set(EARLY_STOPPING_THRESHOLD, v); }
        public Builder loadBestModelAtEnd(boolean v) { return set(LOAD_BEST_MODEL_AT_END, v); }
        public Builder seed(long v) { return set(SEED, v); }
        public Builder classWeights(List<Double> v) { return set(CLASS_WEIGHTS, v == null ? null : List.copyOf(v)); }
        public Builder precision(ComputePrecision v) { return set(PRECISION, v); }
        public Builder groupByLength(boolean v) { return set(GROUP_BY_LENGTH, v); }
        public Builder padToMaxLength(boolean v) { return set(PAD_TO_MAX_LENGTH, v); }
        public Builder evalBatchSize(int v) { return set(EVAL_BATCH_SIZE, v); }
        public Builder augmentation(AugmentationMode v) { return set(AUGMENTATION, v); }
        public Builder augmentationStrength(double v) { return set(AUGMENTATION_STRENGTH, v); }
        public Builder augmentedCopies(int v) { return set(AUGMENTED_COPIES, v); }

        /** @throws InvalidHyperparametersException one message per offending knob */
        public Hyperparameters build() {
            return build(Map.of());
        }

        private Hyperparameters build(Map<String, String> earlierProblems) {
            Map<String, String> problems = new LinkedHashMap<>(earlierProblems);
            try {
                Hyperparameters built = new Hyperparameters(values);
                if (problems.isEmpty()) {
                    return built;
                }
            } catch (InvalidHyperparametersException e) {
                e.problems().forEach(problems::putIfAbsent);
            }
            throw new InvalidHyperparametersException(problems);
        }
    }
}
