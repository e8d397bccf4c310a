package dev.bertlab.engine.train;

import static dev.bertlab.engine.train.KnobGroup.EVALUATION;
import static dev.bertlab.engine.train.KnobGroup.LENGTHS;
import static dev.bertlab.engine.train.KnobGroup.OPTIMISATION;
import static dev.bertlab.engine.train.KnobGroup.REGULARISATION;
import static dev.bertlab.engine.train.KnobGroup.REPRODUCIBILITY;
import static dev.bertlab.engine.train.KnobGroup.SCHEDULE;
import static dev.bertlab.engine.train.KnobRange.aboveAtMost;
import static dev.bertlab.engine.train.KnobRange.atLeast;
import static dev.bertlab.engine.train.KnobRange.between;
import static dev.bertlab.engine.train.KnobRange.fromUpTo;
import static dev.bertlab.engine.train.KnobRange.strictlyBetween;

import dev.bertlab.engine.augment.AugmentationMode;
import dev.bertlab.engine.augment.TextAugmenter;
import dev.bertlab.engine.augment.TrainingAugmentation;
import dev.bertlab.engine.model.ComputePrecision;
import dev.bertlab.engine.tokenize.Truncation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every knob of a fine-tuning run, declared once, with Hugging Face Trainer's defaults. The form, the REST schema,
 * the run config file, validation, comparisons and the checkpoint's copy all come from this table; to add a knob,
 * declare it here (read it in the engine with {@code hyperparameters.get(Knobs.NEW_KNOB)}) and test what it does.
 * The order here is the form's order.
 */
public final class Knobs {

    private static final List<Knob<?>> TABLE = new ArrayList<>();

    /** Metrics a run can select its best checkpoint by; "loss" means validation loss. */
    public static final Set<String> SELECTABLE_METRICS = Set.of("loss", "accuracy", "f1", "f1_macro",
            "f1_weighted", "precision_macro", "recall_macro", "roc_auc", "mse", "mae", "r2");

    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "mse", "mae");

    // Optimisation

    public static final Knob<Double> LEARNING_RATE = declare(Knob.decimal("learning_rate").in(OPTIMISATION).sweepable()
            .byDefault(2e-5).range(aboveAtMost(0, 1)).note("BERT usually takes 2e-5 to 5e-5")
            .help("Peak learning rate of AdamW; 2e-5 to 5e-5 is the usual range for BERT."));

    public static final Knob<Integer> BATCH_SIZE = declare(Knob.integer("batch_size").in(OPTIMISATION).sweepable()
            .byDefault(16).range(between(1, 4096))
            .help("Examples per forward pass; the optimizer sees batch size x gradient accumulation."));

    public static final Knob<Integer> GRADIENT_ACCUMULATION = declare(Knob.integer("gradient_accumulation")
            .in(OPTIMISATION).sweepable().byDefault(1).range(between(1, 1024))
            .help("Forward passes whose gradients add up before one optimizer step."));

    public static final Knob<Double> MAX_GRAD_NORM = declare(Knob.decimal("max_grad_norm").in(OPTIMISATION)
            .byDefault(1.0).range(atLeast(0)).note("0 disables clipping")
            .help("Clip the global gradient norm to this; 0 disables clipping."));

    public static final Knob<Double> ADAM_BETA1 = declare(Knob.decimal("adam_beta1").in(OPTIMISATION)
            .byDefault(0.9).range(fromUpTo(0, 1)).help("AdamW's first-moment decay."));

    public static final Knob<Double> ADAM_BETA2 = declare(Knob.decimal("adam_beta2").in(OPTIMISATION)
            .byDefault(0.999).range(fromUpTo(0, 1)).help("AdamW's second-moment decay."));

    public static final Knob<Double> ADAM_EPSILON = declare(Knob.decimal("adam_epsilon").in(OPTIMISATION)
            .byDefault(1e-8).range(strictlyBetween(0, 1)).help("AdamW's denominator epsilon."));

    public static final Knob<List<Double>> CLASS_WEIGHTS = declare(Knob.decimals("class_weights").in(OPTIMISATION)
            .check((weights, all) -> weights.stream().allMatch(w -> w != null && w > 0 && w < 1e6),
                    weights -> "every weight must be positive, got " + weights)
            .help("Loss weight per class (in label order), for imbalanced data; empty means all 1."));

    public static final Knob<ComputePrecision> PRECISION = declare(Knob.choice("precision", ComputePrecision.class)
            .in(OPTIMISATION).byDefault(ComputePrecision.FP32)
            .help("Compute type of matrix products: FP16 runs only on CUDA, a CPU run computes in FP32 and says so."));

    // Schedule

    public static final Knob<Integer> EPOCHS = declare(Knob.integer("epochs").in(SCHEDULE).sweepable()
            .byDefault(3).range(between(1, 1000)).help("Passes over the training split."));

    public static final Knob<Integer> MAX_STEPS = declare(Knob.integer("max_steps").in(SCHEDULE)
            .byDefault(0).range(atLeast(0)).note("0 runs all epochs")
            .help("Stop after this many optimizer steps; 0 runs all epochs (handy for quick checks)."));

    public static final Knob<Hyperparameters.Scheduler> SCHEDULER = declare(Knob.choice("scheduler",
            Hyperparameters.Scheduler.class).in(SCHEDULE).sweepable().byDefault(Hyperparameters.Scheduler.LINEAR)
            .help("How the learning rate decays after warm-up."));

    public static final Knob<Double> WARMUP_RATIO = declare(Knob.decimal("warmup_ratio").in(SCHEDULE).sweepable()
            .byDefault(0.1).range(fromUpTo(0, 1))
            .help("Share of all steps spent warming the learning rate up from 0."));

    public static final Knob<Integer> WARMUP_STEPS = declare(Knob.integer("warmup_steps").in(SCHEDULE)
            .byDefault(0).range(atLeast(0))
            .help("Warm-up in steps; when above 0 it wins over the warm-up ratio."));

    // Regularisation

    public static final Knob<Double> WEIGHT_DECAY = declare(Knob.decimal("weight_decay").in(REGULARISATION).sweepable()
            .byDefault(0.01).range(fromUpTo(0, 1))
            .help("Decoupled weight decay of AdamW, never applied to biases and LayerNorm."));

    public static final Knob<Double> HIDDEN_DROPOUT = declare(Knob.decimal("hidden_dropout").in(REGULARISATION).sweepable()
            .byDefault(0.1).range(fromUpTo(0, 1))
            .help("Dropout after embeddings, attention output and feed-forward (BERT: 0.1)."));

    public static final Knob<Double> ATTENTION_DROPOUT = declare(Knob.decimal("attention_dropout")
            .in(REGULARISATION).sweepable().byDefault(0.1).range(fromUpTo(0, 1))
            .help("Dropout on attention probabilities (BERT: 0.1)."));

    public static final Knob<Double> CLASSIFIER_DROPOUT = declare(Knob.decimal("classifier_dropout")
            .in(REGULARISATION).sweepable().byDefault(0.1).range(fromUpTo(0, 1))
            .help("Dropout before the classification head (0.3 is the usual anti-overfitting remedy)."));

    public static final Knob<AugmentationMode> AUGMENTATION = declare(Knob.choice("augmentation",
            AugmentationMode.class).in(REGULARISATION).byDefault(AugmentationMode.NONE)
            .help("Augmented copies of the training split against overfitting: EDA gives each copy one of WordNet "
                    + "synonym replacement, word swap or word deletion; SYNONYMS, SWAP and DELETION use one "
                    + "operation. Validation and test stay as they are."));

    public static final Knob<Double> AUGMENTATION_STRENGTH = declare(Knob.decimal("augmentation_strength")
            .in(REGULARISATION).byDefault(0.1).range(between(0, TextAugmenter.MAX_STRENGTH))
            .note("the share of words each operation touches; EDA uses 0.1")
            .help("Share of words each augmentation operation touches, 0 to 0.5 (EDA: 0.1)."));

    public static final Knob<Integer> AUGMENTED_COPIES = declare(Knob.integer("augmented_copies")
            .in(REGULARISATION).byDefault(1).range(between(1, TrainingAugmentation.MAX_COPIES))
            .unit("copies per training example")
            .help("Augmented copies per training example, 1 to 16; training takes 1 + copies times as long."));

    // Lengths

    public static final Knob<Integer> MAX_LENGTH = declare(Knob.integer("max_length").in(LENGTHS).sweepable()
            .byDefault(256).range(between(8, 512)).unit("tokens").note("BERT has 512 positions")
            .help("Tokens per input including [CLS] and [SEP], at most 512."));

    public static final Knob<String> TRUNCATION = declare(Knob.text("truncation").in(LENGTHS).sweepable().byDefault("head")
            .check((rule, all) -> truncationProblem(rule).isEmpty(), rule -> truncationProblem(rule).orElse(""))
            .help("Which tokens of a longer text survive: head, tail, head+tail:N."));

    public static final Knob<Boolean> GROUP_BY_LENGTH = declare(Knob.flag("group_by_length").in(LENGTHS)
            .byDefault(true).help("Batch texts of similar length together (dynamic padding wastes less)."));

    public static final Knob<Boolean> PAD_TO_MAX_LENGTH = declare(Knob.flag("pad_to_max_length").in(LENGTHS)
            .byDefault(false)
            .help("Pad every batch to max length instead of its longest text (only for comparisons)."));

    // Evaluation and checkpoints

    public static final Knob<Hyperparameters.EvalStrategy> EVAL_STRATEGY = declare(Knob.choice("eval_strategy",
            Hyperparameters.EvalStrategy.class).in(EVALUATION).byDefault(Hyperparameters.EvalStrategy.EPOCH)
            .help("When to evaluate on the validation split."));

    public static final Knob<Integer> EVAL_STEPS = declare(Knob.integer("eval_steps").in(EVALUATION)
            .byDefault(500)
            .check((steps, all) -> all.get(EVAL_STRATEGY) != Hyperparameters.EvalStrategy.STEPS || steps >= 1,
                    steps -> "must be at least 1 with eval_strategy STEPS, got " + steps)
            .help("With eval strategy STEPS: evaluate every this many optimizer steps."));

    public static final Knob<Integer> EVAL_BATCH_SIZE = declare(Knob.integer("eval_batch_size").in(EVALUATION)
            .byDefault(32).range(between(1, 4096)).help("Examples per forward pass during evaluation."));

    public static final Knob<Integer> LOGGING_STEPS = declare(Knob.integer("logging_steps").in(EVALUATION)
            .byDefault(10).range(atLeast(1))
            .help("Write a training-log line every this many optimizer steps."));

    public static final Knob<Hyperparameters.SaveStrategy> SAVE_STRATEGY = declare(Knob.choice("save_strategy",
            Hyperparameters.SaveStrategy.class).in(EVALUATION).byDefault(Hyperparameters.SaveStrategy.EPOCH)
            .help("When to write a checkpoint."));

    public static final Knob<Integer> SAVE_STEPS = declare(Knob.integer("save_steps").in(EVALUATION)
            .byDefault(500)
            .check((steps, all) -> all.get(SAVE_STRATEGY) != Hyperparameters.SaveStrategy.STEPS || steps >= 1,
                    steps -> "must be at least 1 with save_strategy STEPS, got " + steps)
            .help("With save strategy STEPS: checkpoint every this many optimizer steps."));

    public static final Knob<Integer> SAVE_TOTAL_LIMIT = declare(Knob.integer("save_total_limit").in(EVALUATION)
            .byDefault(2).range(atLeast(1))
            .help("Checkpoints kept besides the best one (the oldest go first)."));

    public static final Knob<String> METRIC_FOR_BEST_MODEL = declare(Knob.oneOf("metric_for_best_model",
            SELECTABLE_METRICS).in(EVALUATION).byDefault("loss")
            .help("Validation metric that picks the best checkpoint and drives early stopping."));

    public static final Knob<Boolean> GREATER_IS_BETTER = declare(Knob.flag("greater_is_better").in(EVALUATION)
            .byDefaultFrom(all -> !LOWER_IS_BETTER.contains(all.get(METRIC_FOR_BEST_MODEL)))
            .help("Whether a larger metric for best model is better (auto: decided by the metric)."));

    public static final Knob<Integer> EARLY_STOPPING_PATIENCE = declare(Knob.integer("early_stopping_patience")
            .in(EVALUATION).byDefault(0).range(atLeast(0)).note("0 disables")
            .check((patience, all) -> patience == 0
                            || all.get(EVAL_STRATEGY) != Hyperparameters.EvalStrategy.NO,
                    patience -> "early stopping needs evaluations: set eval_strategy to EPOCH or STEPS")
            .help("Evaluations without improvement before stopping; 0 disables early stopping."));

    public static final Knob<Double> EARLY_STOPPING_THRESHOLD = declare(Knob.decimal("early_stopping_threshold")
            .in(EVALUATION).byDefault(0.0).range(atLeast(0))
            .help("Smallest change that counts as an improvement."));

    public static final Knob<Boolean> LOAD_BEST_MODEL_AT_END = declare(Knob.flag("load_best_model_at_end")
            .in(EVALUATION).byDefault(true)
            .help("Restore the best checkpoint's weights before the final test evaluation."));

    // Reproducibility

    public static final Knob<Long> SEED = declare(Knob.wholeLong("seed").in(REPRODUCIBILITY).byDefault(42L)
            .help("Makes data order, dropout and initialisation reproducible."));

    private Knobs() {
    }

    /** Every knob, grouped and in form order. */
    public static List<Knob<?>> all() {
        return Collections.unmodifiableList(TABLE);
    }

    public static List<Knob<?>> of(KnobGroup group) {
        return TABLE.stream().filter(knob -> knob.group() == group).toList();
    }

    public static Optional<Knob<?>> byKey(String key) {
        return TABLE.stream().filter(knob -> knob.key().equals(key)).findFirst();
    }

    private static <T> Knob<T> declare(Knob.Spec<T> spec) {
        Knob<T> knob = spec.build();
        if (byKey(knob.key()).isPresent()) {
            throw new IllegalStateException("two knobs are named " + knob.key());
        }
        TABLE.add(knob);
        return knob;
    }

    private static Optional<String> truncationProblem(String rule) {
        try {
            Truncation.parse(rule);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
