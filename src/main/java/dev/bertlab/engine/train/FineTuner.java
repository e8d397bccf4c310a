package dev.bertlab.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.bertlab.engine.model.BertModel;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.ComputePrecision;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.OwnedScalar;
import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.predict.SplitEvaluation;
import dev.bertlab.engine.predict.SplitEvaluator;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.weights.NamedTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The fine-tuning loop, with the behaviour of Hugging Face's Trainer: AdamW with BERT's parameter groups, a
 * warm-up schedule, gradient accumulation, global-norm clipping, periodic logging, evaluation and checkpoints,
 * early stopping with the best weights restored, exact resume, divergence detection and out-of-memory retries.
 * This class keeps the loop; its collaborators each own one concern: {@link EarlyStopping} judges evaluations,
 * {@link BestModelTracker} keeps and restores the best weights, {@link LossScaler} scales fp16 losses,
 * {@link OutOfMemoryRetry} shrinks the micro-batch after an allocation failure and {@link SplitDigest} ties
 * checkpoints to their training data.
 *
 * <p>DJL's {@link Trainer} runs the forward pass and its gradient collector the backward pass; DJL's
 * {@code EasyTrain} loop has no gradient accumulation, clipping by global norm or resume, and its parameter server
 * copies every gradient before the update, so the loop and the optimizer step are here.
 */
public final class FineTuner {

    /** The kind of the notice sent when a gradient turns NaN or infinite while the loss stays finite. */
    public static final String NUMERIC_FAULT_NOTICE = "numeric_fault";
    /** A loss up to this many times the last good one still counts as "not rising" for a numeric fault. */
    private static final double NUMERIC_FAULT_LOSS_FACTOR = 1.5;

    private final LoadedBert model;
    private final EncodedSplit train;
    private final EncodedSplit validation;
    private final List<String> labelNames;
    private final Hyperparameters hp;
    private final CheckpointStore checkpoints;
    private final List<TrainingEventListener> listeners;
    private final TaskLoss loss;
    private final BatchCollator collator;
    private final LengthBucketSampler sampler;
    private final EarlyStopping earlyStopping;
    private IntConsumer microBatchHook = size -> { };
    private Runnable beforeBackwardHook = () -> { };
    /** The validation result that matches the model's current weights, if there is one. */
    private SplitEvaluation currentValidation;

    /**
     * @param validation the split evaluations run on, or null to train without evaluating
     * @param labelNames class names (empty for regression)
     */
    public FineTuner(LoadedBert model, EncodedSplit train, EncodedSplit validation, List<String> labelNames,
            Hyperparameters hp, CheckpointStore checkpoints, List<TrainingEventListener> listeners, int padId) {
        this.model = model;
        this.train = train;
        this.validation = validation;
        this.labelNames = List.copyOf(labelNames);
        this.hp = hp;
        this.checkpoints = checkpoints;
        this.listeners = List.copyOf(listeners);
        this.loss = train.isRegression() ? TaskLoss.meanSquaredError()
                : TaskLoss.crossEntropy(hp.classWeights(), labelNames.size());
        this.collator = new BatchCollator(padId, hp.padToMaxLength() ? hp.maxLength() : 0);
        this.sampler = new LengthBucketSampler(train.lengths(), hp.effectiveBatchSize(), hp.groupByLength(),
                hp.seed());
        this.earlyStopping = EarlyStopping.of(hp);
        checkSelectableMetric();
    }

    /** Called with the size of each micro-batch before its forward pass; lets tests inject engine faults. */
    void setMicroBatchHook(IntConsumer hook) {
        this.microBatchHook = hook;
    }

    /** Called between each forward pass and its backward pass; lets tests collect garbage there. */
    void setBeforeBackwardHook(Runnable hook) {
        this.beforeBackwardHook = hook;
    }

    public int totalSteps() {
        int all = hp.epochs() * sampler.stepsPerEpoch();
        return hp.maxSteps() > 0 ? Math.min(hp.maxSteps(), all) : all;
    }

    /**
     * Trains until the plan is done, early stopping ends it, {@code cancelRequested} turns true (checked after
     * every step) or the loss diverges.
     *
     * @param resume continue from the latest checkpoint in the store, if there is one
     */
    public TrainingOutcome train(boolean resume, BooleanSupplier cancelRequested) throws IOException {
        int totalSteps = totalSteps();
        LearningRateSchedule schedule = LearningRateSchedule.of(hp, totalSteps);
        BertModel network = model.network();
        DecoupledAdamW optimizer = new DecoupledAdamW(network.namedParameters(), schedule, hp);
        String trainDigest = SplitDigest.of(train);
        TrainerState state = TrainerState.fresh(hp.batchSize(), trainDigest);
        int resumedFrom = 0;
        if (resume) {
            Optional<CheckpointStore.Checkpoint> latest = checkpoints.latest();
            if (latest.isPresent()) {
                state = restore(latest.get(), optimizer, trainDigest);
                resumedFrom = state.globalStep;
            }
        }
        LossScaler scaler = choosePrecision(network, state, resumedFrom == 0);
        BestModelTracker bestModel = new BestModelTracker(checkpoints, weightsOf(network), hp.loadBestModelAtEnd());

        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new Device[] {model.device()});
        Loop loop = new Loop(state, optimizer, schedule, totalSteps, scaler, bestModel);
        try (Trainer trainer = model.model().newTrainer(config)) {
            TrainingEvents.Started started = new TrainingEvents.Started(totalSteps, sampler.stepsPerEpoch(),
                    resumedFrom, train.size(), train.augmentedExamples());
            emit(l -> l.onStarted(started));
            if (train.augmentedExamples() > 0) {
                notice(resumedFrom, "augmentation", String.format(Locale.ROOT, "training on %d examples: %d "
                                + "originals and %d augmented copies (%s, strength %s); validation and test are not "
                                + "augmented", train.size(), train.originalExamples(), train.augmentedExamples(),
                        hp.augmentation(), hp.augmentationStrength()));
            }
            TrainingOutcome outcome = loop.run(trainer, cancelRequested);
            currentValidation = bestModel.evaluationAt(state.globalStep);
            if (outcome.finishedTraining() && bestModel.restoreBest(state)) {
                currentValidation = bestModel.bestEvaluation();
                notice(state.globalStep, "best_model", "restored the weights of step " + state.bestStep + " ("
                        + earlyStopping.metric() + " " + EarlyStopping.format(state.bestMetric) + ")");
            }
            return outcome;
        }
    }

    /** The run's evaluation of {@code split} with the model as it is now. */
    public SplitEvaluation evaluate(EncodedSplit split, IntConsumer progress) {
        if (split == validation && currentValidation != null) {
            return currentValidation; // the weights have not changed since this evaluation
        }
        return evaluator().evaluate(split, progress);
    }

    private final class Loop {
        private final TrainerState state;
        private final DecoupledAdamW optimizer;
        private final LearningRateSchedule schedule;
        private final int totalSteps;
        private final LossScaler scaler;
        private final BestModelTracker bestModel;
        private final OutOfMemoryRetry oomRetry;
        private final long sessionStart = System.nanoTime();
        private final int sessionFirstStep;
        private final double priorSeconds;
        private double evaluationSeconds;
        // the logging window
        private double windowLoss;
        private int windowSteps;
        private long windowExamples;
        private long windowTokens;
        private long windowSlots;
        private long windowStart = System.nanoTime();
        private StepResult lastGood;

        Loop(TrainerState state, DecoupledAdamW optimizer, LearningRateSchedule schedule, int totalSteps,
                LossScaler scaler, BestModelTracker bestModel) {
            this.state = state;
            this.optimizer = optimizer;
            this.schedule = schedule;
            this.totalSteps = totalSteps;
            this.scaler = scaler;
            this.bestModel = bestModel;
            this.oomRetry = new OutOfMemoryRetry(state, hp.effectiveBatchSize(), FineTuner.this::notice);
            this.sessionFirstStep = state.globalStep;
            this.priorSeconds = state.trainSeconds;
        }

        TrainingOutcome run(Trainer trainer, BooleanSupplier cancelRequested) throws IOException {
            while (state.globalStep < totalSteps) {
                int epoch = state.epoch;
                List<int[]> steps = sampler.steps(epoch);
                int index = state.stepInEpoch;
                int[] examples = steps.get(index);
                StepResult result = runStep(trainer, examples, state.globalStep);
                if (result.diverged()) {
                    return numericFault(result)
                            ? finish(TrainingOutcome.FinishReason.DIVERGED, NUMERIC_FAULT_NOTICE,
                                    numericFaultMessage(result))
                            : finish(TrainingOutcome.FinishReason.DIVERGED, divergenceMessage(result));
                }
                if (result.skipped()) {
                    continue; // fp16 overflow: same step again with a smaller loss scale
                }
                lastGood = result;
                state.globalStep++;
                boolean epochEnd = index + 1 == steps.size();
                state.epoch = epochEnd ? epoch + 1 : epoch;
                state.stepInEpoch = epochEnd ? 0 : index + 1;
                account(result);

                if (state.globalStep % hp.loggingSteps() == 0 || state.globalStep == totalSteps) {
                    logWindow();
                }
                emit(l -> l.onProgress(new TrainingEvents.Progress(state.globalStep, totalSteps,
                        Math.min(hp.epochs(), state.epoch + (epochEnd ? 0 : 1)), hp.epochs(), eta())));

                boolean last = state.globalStep == totalSteps;
                boolean stop = false;
                if (evaluationDue(epochEnd, last)) {
                    stop = evaluateAndTrack();
                }
                if (saveDue(epochEnd) || stop || last) {
                    saveCheckpoint();
                }
                if (stop) {
                    return finish(TrainingOutcome.FinishReason.EARLY_STOPPED, earlyStopping.stopMessage(state));
                }
                if (!last && cancelRequested.getAsBoolean()) {
                    saveCheckpoint();
                    return finish(TrainingOutcome.FinishReason.CANCELLED,
                            "cancelled at step " + state.globalStep + "; the checkpoint of that step is kept");
                }
            }
            return finish(TrainingOutcome.FinishReason.COMPLETED, "trained " + totalSteps + " steps");
        }

        private StepResult runStep(Trainer trainer, int[] examples, int step) {
            float sum = 0;
            for (int index : examples) {
                sum += train.isRegression() ? 1f : loss.exampleWeight(train.labels()[index]);
            }
            float weightTotal = sum;
            return oomRetry.run(step, () -> {
                // the dropout masks of a step depend on (seed, step) alone: what makes a resume exact
                Engine.getInstance().setRandomSeed(stepSeed(step));
                model.network().reseedDropout(stepSeed(step));
                return attemptStep(trainer, examples, step, weightTotal);
            }, this::zeroGradients);
        }

        private StepResult attemptStep(Trainer trainer, int[] examples, int step, float weightTotal) {
            double stepLoss = 0;
            long tokens = 0;
            long slots = 0;
            double scale = scaler.scale();
            int microBatchSize = oomRetry.microBatchSize();
            for (int from = 0; from < examples.length; from += microBatchSize) {
                int to = Math.min(examples.length, from + microBatchSize);
                List<EncodedText> texts = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    texts.add(train.inputs().get(examples[i]));
                }
                microBatchHook.accept(to - from);
                try (NDManager scope = model.model().getNDManager().newSubManager()) {
                    NDList inputs = collator.collate(scope, texts);
                    NDArray gold = gold(scope, examples, from, to);
                    // DJL's PyTorch gradient collector is one per process (a static flag: a second one throws):
                    // the dashboard trains each run in a worker process of its own, so runs never share one
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray outputs = trainer.forward(inputs).singletonOrThrow();
                        NDArray share = OwnedScalar.dividedBy(loss.weightedSum(outputs, gold), weightTotal);
                        beforeBackwardHook.run();
                        collector.backward(scale == 1.0 ? share : OwnedScalar.times(share, (float) scale));
                        stepLoss += share.getFloat();
                    }
                    tokens += texts.stream().mapToInt(EncodedText::length).sum();
                    slots += (long) collator.paddedLength(texts) * texts.size();
                }
            }
            double gradNorm = globalGradientNorm() / scale;
            double rate = schedule.rate(step);
            boolean finite = Double.isFinite(stepLoss) && Double.isFinite(gradNorm);
            if (!finite) {
                zeroGradients();
                if (scaler.overflowed(stepLoss)) {
                    return StepResult.skipped(step);
                }
                return new StepResult(step, stepLoss, rate, gradNorm, examples.length, tokens, slots, true, false);
            }
            float clip = hp.maxGradNorm() > 0 && gradNorm > hp.maxGradNorm()
                    ? (float) (hp.maxGradNorm() / (gradNorm + 1e-6)) : 1f;
            optimizer.beginStep(step, (float) (clip / scale));
            optimizer.applyStep();
            scaler.stepTaken();
            return new StepResult(step, stepLoss, rate, gradNorm, examples.length, tokens, slots, false, false);
        }

        private NDArray gold(NDManager scope, int[] examples, int from, int to) {
            if (train.isRegression()) {
                float[] targets = new float[to - from];
                for (int i = from; i < to; i++) {
                    targets[i - from] = (float) train.targets()[examples[i]];
                }
                return scope.create(targets);
            }
            long[] labels = new long[to - from];
            for (int i = from; i < to; i++) {
                labels[i - from] = train.labels()[examples[i]];
            }
            return scope.create(labels);
        }

        private double globalGradientNorm() {
            try (NDManager scope = model.model().getNDManager().newSubManager()) {
                NDList norms = new NDList();
                for (Parameter parameter : model.network().namedParameters().values()) {
                    NDArray norm = parameter.getArray().getGradient().norm();
                    norm.attach(scope);
                    norms.add(norm);
                }
                return NDArrays.stack(norms).square().sum().sqrt().getFloat();
            }
        }

        private void zeroGradients() {
            for (Parameter parameter : model.network().namedParameters().values()) {
                NDArray gradient = parameter.getArray().getGradient();
                // set, not multiply: an infinite gradient times zero is NaN
                gradient.set(ByteBuffer.allocateDirect((int) gradient.size() * 4));
            }
        }

        private void account(StepResult result) {
            windowLoss += result.loss();
            windowSteps++;
            windowExamples += result.examples();
            windowTokens += result.tokens();
            windowSlots += result.slots();
        }

        private void logWindow() {
            double seconds = Math.max(1e-9, (System.nanoTime() - windowStart) / 1e9);
            TrainingEvents.StepLogged logged = new TrainingEvents.StepLogged(state.globalStep, fractionalEpoch(),
                    windowLoss / windowSteps, lastGood.learningRate(), lastGood.gradNorm(), windowExamples / seconds,
                    windowTokens / seconds, windowSlots == 0 ? 0 : 1.0 - (double) windowTokens / windowSlots,
                    trainSeconds());
            emit(l -> l.onStep(logged));
            windowLoss = 0;
            windowSteps = 0;
            windowExamples = 0;
            windowTokens = 0;
            windowSlots = 0;
            windowStart = System.nanoTime();
        }

        private boolean evaluationDue(boolean epochEnd, boolean last) {
            if (validation == null || hp.evalStrategy() == Hyperparameters.EvalStrategy.NO) {
                return false;
            }
            return switch (hp.evalStrategy()) {
                case EPOCH -> epochEnd || last;
                case STEPS -> state.globalStep % hp.evalSteps() == 0 || last;
                case NO -> false;
            };
        }

        private boolean saveDue(boolean epochEnd) {
            return switch (hp.saveStrategy()) {
                case EPOCH -> epochEnd;
                case STEPS -> state.globalStep % hp.saveSteps() == 0;
                case NO -> false;
            };
        }

        /** Evaluates, keeps the best weights, and answers whether early stopping says stop. */
        private boolean evaluateAndTrack() throws IOException {
            if (bestModel.hasEvaluated(state.globalStep)) {
                return false;
            }
            long start = System.nanoTime();
            SplitEvaluation evaluation = evaluator().evaluate(validation, done -> { });
            // evaluation time is not training time: keep it out of the throughput window and the training time
            long spent = System.nanoTime() - start;
            windowStart += spent;
            evaluationSeconds += spent / 1e9;
            Map<String, Double> metrics = evaluation.scalars();
            EarlyStopping.Verdict verdict = earlyStopping.observe(state, metrics.get(earlyStopping.metric()));
            bestModel.evaluated(state.globalStep, evaluation, verdict.improved());
            TrainingEvents.Evaluated evaluated = new TrainingEvents.Evaluated(state.globalStep, fractionalEpoch(),
                    metrics, verdict.improved());
            emit(l -> l.onEvaluation(evaluated));
            return verdict.stop();
        }

        private void saveCheckpoint() throws IOException {
            state.trainSeconds = trainSeconds();
            checkpoints.save(state.globalStep, BertWeights.snapshot(model.network()), optimizer.exportState(), state);
            notice(state.globalStep, "checkpoint", "checkpoint written at step " + state.globalStep);
        }

        private TrainingOutcome finish(TrainingOutcome.FinishReason reason, String message) {
            return finish(reason, reason.name().toLowerCase(Locale.ROOT), message);
        }

        private TrainingOutcome finish(TrainingOutcome.FinishReason reason, String noticeKind, String message) {
            if (reason != TrainingOutcome.FinishReason.COMPLETED) {
                notice(state.globalStep, noticeKind, message);
            }
            return new TrainingOutcome(reason, state.globalStep, totalSteps, state.bestMetric, state.bestStep,
                    bestModel.lastMetrics(), message, trainSeconds());
        }

        /**
         * A NaN or infinite gradient while the loss is finite and no higher than before is not a learning rate that
         * is too high (that shows in the loss first; and before the first update the rate has done nothing yet): it
         * is a numeric fault, such as a gradient computed from corrupted memory.
         */
        private boolean numericFault(StepResult bad) {
            return Double.isFinite(bad.loss()) && !Double.isFinite(bad.gradNorm())
                    && (lastGood == null || bad.loss() <= NUMERIC_FAULT_LOSS_FACTOR * lastGood.loss());
        }

        private String numericFaultMessage(StepResult bad) {
            return String.format(Locale.ROOT, "numeric fault at step %d: the gradient norm became %s while the loss "
                            + "stayed finite at %.4f (%s); a learning rate that is too high raises the loss first, "
                            + "so this is a fault in the computation, not the settings: resume the run from its "
                            + "last checkpoint, and if it recurs at the same step, report it with this run's log",
                    bad.step() + 1, bad.gradNorm(), bad.loss(), lastGoodText());
        }

        private String divergenceMessage(StepResult bad) {
            return String.format(Locale.ROOT, "diverged at step %d: loss %s, gradient norm %s (%s); lower the "
                            + "learning rate, add warm-up or clip gradients", bad.step() + 1, bad.loss(),
                    bad.gradNorm(), lastGoodText());
        }

        private String lastGoodText() {
            return lastGood == null ? "no step had finished yet"
                    : String.format(Locale.ROOT, "last good step %d: loss %.4f, learning rate %.3g, gradient norm %.3g",
                    lastGood.step() + 1, lastGood.loss(), lastGood.learningRate(), lastGood.gradNorm());
        }

        private double fractionalEpoch() {
            return (double) state.globalStep / sampler.stepsPerEpoch();
        }

        /** Wall time of training steps (evaluations excluded), over all sessions of the run. */
        private double trainSeconds() {
            return priorSeconds + (System.nanoTime() - sessionStart) / 1e9 - evaluationSeconds;
        }

        private double eta() {
            int done = state.globalStep - sessionFirstStep;
            if (done == 0) {
                return Double.NaN;
            }
            double perStep = ((System.nanoTime() - sessionStart) / 1e9 - evaluationSeconds) / done;
            return perStep * (totalSteps - state.globalStep);
        }
    }

    /**
     * One optimizer step's figures.
     */
    private record StepResult(int step, double loss, double learningRate, double gradNorm, int examples, long tokens,
            long slots, boolean diverged, boolean skipped) {

        static StepResult skipped(int step) {
            return new StepResult(step, Double.NaN, 0, Double.NaN, 0, 0, 0, false, true);
        }
    }

    private SplitEvaluator evaluator() {
        float[] weights = new float[hp.classWeights().size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = hp.classWeights().get(i).floatValue();
        }
        return new SplitEvaluator(new BatchPredictor(model, BatchCollator.dynamic(collatorPadId()),
                hp.evalBatchSize()), labelNames, weights);
    }

    private int collatorPadId() {
        return collator.padId();
    }

    private TrainerState restore(CheckpointStore.Checkpoint checkpoint, DecoupledAdamW optimizer, String trainDigest)
            throws IOException {
        TrainerState state = checkpoints.state(checkpoint);
        if (!trainDigest.equals(state.trainSplitDigest)) {
            throw new TrainingFailedException("the checkpoint at " + checkpoint.directory() + " was written for "
                    + "other training data; resume with the data it was started on, or start a new run");
        }
        BertWeights.apply(model.network(), checkpoints.weights(checkpoint));
        optimizer.importState(checkpoints.optimizerState(checkpoint));
        notice(state.globalStep, "resumed", "resumed from the checkpoint of step " + state.globalStep);
        return state;
    }

    private LossScaler choosePrecision(BertModel network, TrainerState state, boolean fresh) {
        if (hp.precision() == ComputePrecision.FP16 && model.device().isGpu()) {
            network.setPrecision(ComputePrecision.FP16);
            return LossScaler.dynamic(state, fresh);
        }
        network.setPrecision(ComputePrecision.FP32);
        LossScaler none = LossScaler.none(state);
        if (hp.precision() != ComputePrecision.FP32) {
            notice(state.globalStep, "precision", "fp16 mixed precision needs a CUDA device; this run computes "
                    + "in fp32 on " + model.device());
        }
        return none;
    }

    private static BestModelTracker.ModelWeights weightsOf(BertModel network) {
        return new BestModelTracker.ModelWeights() {
            @Override
            public Map<String, NamedTensor> snapshot() {
                return BertWeights.snapshot(network);
            }

            @Override
            public void apply(Map<String, NamedTensor> weights) {
                BertWeights.apply(network, weights);
            }
        };
    }

    private void checkSelectableMetric() {
        String metric = hp.metricForBestModel();
        boolean regression = train.isRegression();
        boolean ok = regression ? List.of("loss", "mse", "mae", "r2").contains(metric)
                : !List.of("mse", "mae", "r2").contains(metric)
                        && (labelNames.size() == 2 || !List.of("f1", "roc_auc").contains(metric));
        if (!ok) {
            throw new InvalidHyperparametersException(Map.of("metric_for_best_model", metric + " is not computed "
                    + "for this task (" + (regression ? "regression" : labelNames.size() + " classes") + ")"));
        }
    }

    private int stepSeed(int step) {
        long mixed = hp.seed() * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L;
        return (int) (mixed ^ (mixed >>> 31)) & Integer.MAX_VALUE;
    }

    private void notice(int step, String kind, String message) {
        TrainingEvents.Notice notice = new TrainingEvents.Notice(step, kind, message);
        emit(l -> l.onNotice(notice));
    }

    private void emit(java.util.function.Consumer<TrainingEventListener> call) {
        listeners.forEach(call);
    }
}
