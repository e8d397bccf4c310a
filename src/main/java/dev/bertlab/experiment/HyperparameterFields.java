package dev.bertlab.experiment;

import static dev.bertlab.experiment.HyperparameterField.Kind.CHOICE;
import static dev.bertlab.experiment.HyperparameterField.Kind.DECIMAL;
import static dev.bertlab.experiment.HyperparameterField.Kind.DECIMAL_LIST;
import static dev.bertlab.experiment.HyperparameterField.Kind.FLAG;
import static dev.bertlab.experiment.HyperparameterField.Kind.INTEGER;
import static dev.bertlab.experiment.HyperparameterField.Kind.LONG;
import static dev.bertlab.experiment.HyperparameterField.Kind.TEXT;
import static dev.bertlab.experiment.HyperparameterGroup.EVALUATION;
import static dev.bertlab.experiment.HyperparameterGroup.LENGTHS;
import static dev.bertlab.experiment.HyperparameterGroup.OPTIMISATION;
import static dev.bertlab.experiment.HyperparameterGroup.REGULARISATION;
import static dev.bertlab.experiment.HyperparameterGroup.REPRODUCIBILITY;
import static dev.bertlab.experiment.HyperparameterGroup.SCHEDULE;

import dev.bertlab.engine.augment.AugmentationMode;
import dev.bertlab.engine.model.ComputePrecision;
import dev.bertlab.engine.train.Hyperparameters;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every knob of {@link Hyperparameters}, described for people: the help texts are the record's javadoc, so a form
 * and the config file explain a knob in the same words. A test checks that every record component is here.
 */
public final class HyperparameterFields {

    /** greater_is_better's choice that lets the metric decide (loss, mse and mae: lower is better). */
    public static final String AUTO = "auto";

    private static final List<HyperparameterField> ALL = List.of(
            field("learning_rate", "learningRate", OPTIMISATION, DECIMAL,
                    "Peak learning rate of AdamW; 2e-5 to 5e-5 is the usual range for BERT."),
            field("batch_size", "batchSize", OPTIMISATION, INTEGER,
                    "Examples per forward pass; the optimizer sees batch size x gradient accumulation."),
            field("gradient_accumulation", "gradientAccumulation", OPTIMISATION, INTEGER,
                    "Forward passes whose gradients add up before one optimizer step."),
            field("max_grad_norm", "maxGradNorm", OPTIMISATION, DECIMAL,
                    "Clip the global gradient norm to this; 0 disables clipping."),
            field("adam_beta1", "adamBeta1", OPTIMISATION, DECIMAL, "AdamW's first-moment decay."),
            field("adam_beta2", "adamBeta2", OPTIMISATION, DECIMAL, "AdamW's second-moment decay."),
            field("adam_epsilon", "adamEpsilon", OPTIMISATION, DECIMAL, "AdamW's denominator epsilon."),
            field("class_weights", "classWeights", OPTIMISATION, DECIMAL_LIST,
                    "Loss weight per class (in label order), for imbalanced data; empty means all 1."),
            choice("precision", "precision", OPTIMISATION, names(ComputePrecision.values()),
                    "Compute type of matrix products: FP16 runs only on CUDA, a CPU run computes in FP32 and says so."),
            field("epochs", "epochs", SCHEDULE, INTEGER, "Passes over the training split."),
            field("max_steps", "maxSteps", SCHEDULE, INTEGER,
                    "Stop after this many optimizer steps; 0 runs all epochs (handy for quick checks)."),
            choice("scheduler", "scheduler", SCHEDULE, names(Hyperparameters.Scheduler.values()),
                    "How the learning rate decays after warm-up."),
            field("warmup_ratio", "warmupRatio", SCHEDULE, DECIMAL,
                    "Share of all steps spent warming the learning rate up from 0."),
            field("warmup_steps", "warmupSteps", SCHEDULE, INTEGER,
                    "Warm-up in steps; when above 0 it wins over the warm-up ratio."),
            field("weight_decay", "weightDecay", REGULARISATION, DECIMAL,
                    "Decoupled weight decay of AdamW, never applied to biases and LayerNorm."),
            field("hidden_dropout", "hiddenDropout", REGULARISATION, DECIMAL,
                    "Dropout after embeddings, attention output and feed-forward (BERT: 0.1)."),
            field("attention_dropout", "attentionDropout", REGULARISATION, DECIMAL,
                    "Dropout on attention probabilities (BERT: 0.1)."),
            field("classifier_dropout", "classifierDropout", REGULARISATION, DECIMAL,
                    "Dropout before the classification head (0.3 is the usual anti-overfitting remedy)."),
            choice("augmentation", "augmentation", REGULARISATION, names(AugmentationMode.values()),
                    "Augmented copies of the training split against overfitting: EDA gives each copy one of WordNet "
                            + "synonym replacement, word swap or word deletion; SYNONYMS, SWAP and DELETION use one "
                            + "operation. Validation and test stay as they are."),
            field("augmentation_strength", "augmentationStrength", REGULARISATION, DECIMAL,
                    "Share of words each augmentation operation touches, 0 to 0.5 (EDA: 0.1)."),
            field("augmented_copies", "augmentedCopies", REGULARISATION, INTEGER,
                    "Augmented copies per training example, 1 to 16; training takes 1 + copies times as long."),
            field("max_length", "maxLength", LENGTHS, INTEGER,
                    "Tokens per input including [CLS] and [SEP], at most 512."),
            field("truncation", "truncation", LENGTHS, TEXT,
                    "Which tokens of a longer text survive: head, tail, head+tail:N."),
            field("group_by_length", "groupByLength", LENGTHS, FLAG,
                    "Batch texts of similar length together (dynamic padding wastes less)."),
            field("pad_to_max_length", "padToMaxLength", LENGTHS, FLAG,
                    "Pad every batch to max length instead of its longest text (only for comparisons)."),
            choice("eval_strategy", "evalStrategy", EVALUATION, names(Hyperparameters.EvalStrategy.values()),
                    "When to evaluate on the validation split."),
            field("eval_steps", "evalSteps", EVALUATION, INTEGER,
                    "With eval strategy STEPS: evaluate every this many optimizer steps."),
            field("eval_batch_size", "evalBatchSize", EVALUATION, INTEGER,
                    "Examples per forward pass during evaluation."),
            field("logging_steps", "loggingSteps", EVALUATION, INTEGER,
                    "Write a training-log line every this many optimizer steps."),
            choice("save_strategy", "saveStrategy", EVALUATION, names(Hyperparameters.SaveStrategy.values()),
                    "When to write a checkpoint."),
            field("save_steps", "saveSteps", EVALUATION, INTEGER,
                    "With save strategy STEPS: checkpoint every this many optimizer steps."),
            field("save_total_limit", "saveTotalLimit", EVALUATION, INTEGER,
                    "Checkpoints kept besides the best one (the oldest go first)."),
            choice("metric_for_best_model", "metricForBestModel", EVALUATION,
                    Hyperparameters.SELECTABLE_METRICS.stream().sorted().toList(),
                    "Validation metric that picks the best checkpoint and drives early stopping."),
            choice("greater_is_better", "greaterIsBetter", EVALUATION, List.of(AUTO, "true", "false"),
                    "Whether a larger metric for best model is better (auto: decided by the metric)."),
            field("early_stopping_patience", "earlyStoppingPatience", EVALUATION, INTEGER,
                    "Evaluations without improvement before stopping; 0 disables early stopping."),
            field("early_stopping_threshold", "earlyStoppingThreshold", EVALUATION, DECIMAL,
                    "Smallest change that counts as an improvement."),
            field("load_best_model_at_end", "loadBestModelAtEnd", EVALUATION, FLAG,
                    "Restore the best checkpoint's weights before the final test evaluation."),
            field("seed", "seed", REPRODUCIBILITY, LONG,
                    "Makes data order, dropout and initialisation reproducible."));

    private HyperparameterFields() {
    }

    /** Every field, grouped and in form order. */
    public static List<HyperparameterField> all() {
        return ALL;
    }

    public static List<HyperparameterField> of(HyperparameterGroup group) {
        return ALL.stream().filter(field -> field.group() == group).toList();
    }

    public static Optional<HyperparameterField> byKey(String key) {
        return ALL.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    private static HyperparameterField field(String key, String property, HyperparameterGroup group,
            HyperparameterField.Kind kind, String help) {
        return new HyperparameterField(key, property, group, kind, List.of(), help);
    }

    private static HyperparameterField choice(String key, String property, HyperparameterGroup group,
            List<String> choices, String help) {
        return new HyperparameterField(key, property, group, CHOICE, choices, help);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
