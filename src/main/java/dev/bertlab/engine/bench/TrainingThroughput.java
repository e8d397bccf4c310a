package dev.bertlab.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.OwnedScalar;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.train.DecoupledAdamW;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.LearningRateSchedule;
import dev.bertlab.engine.train.TaskLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures training steps of a real model on full-length random token sequences: the same forward, backward
 * and AdamW update the trainer runs, timed apart so the optimizer's share of a step is visible.
 */
final class TrainingThroughput {

    /**
     * @param model model name
     * @param batch examples per step
     * @param length tokens per example
     * @param stepSeconds median seconds per optimizer step
     * @param optimizerSeconds median seconds of the AdamW update within a step
     * @param samplesPerSecond batch / stepSeconds
     * @param tokensPerSecond batch x length / stepSeconds
     * @param trainingFlopsPerStep model FLOPs of one step (forward and backward)
     */
    record Result(String model, int batch, int length, double stepSeconds, double optimizerSeconds,
            double samplesPerSecond, double tokensPerSecond, double trainingFlopsPerStep) {

        double optimizerShare() {
            return optimizerSeconds / stepSeconds;
        }
    }

    private TrainingThroughput() {
    }

    static Result measure(PretrainedBert pretrained, Device device, int batch, int length, int warmup, int steps) {
        return measure(pretrained, device, batch, length, warmup, steps, null);
    }

    /**
     * @param profileTrace where libtorch's profiler writes a Chrome trace of the measured steps; null: no profiling
     */
    static Result measure(PretrainedBert pretrained, Device device, int batch, int length, int warmup, int steps,
            java.nio.file.Path profileTrace) {
        dev.bertlab.engine.TensorMemoryReuse.enable(); // as in a run: training processes keep freed memory
        Hyperparameters hp = Hyperparameters.builder().learningRate(2e-5).warmupSteps(1).build();
        try (LoadedBert model = LoadedBert.create(pretrained.config(), TaskHead.classification(2),
                DropoutRates.BERT_DEFAULT, device, pretrained.weights(), 1)) {
            DecoupledAdamW optimizer = new DecoupledAdamW(model.network().namedParameters(),
                    new LearningRateSchedule(Hyperparameters.Scheduler.LINEAR, 2e-5, 1, warmup + steps + 1), hp);
            TaskLoss loss = TaskLoss.crossEntropy(List.of(), 2);
            BatchCollator collator = BatchCollator.dynamic(0);
            Random random = new Random(5);
            double[] stepTimes = new double[steps];
            double[] optimizerTimes = new double[steps];
            try (Trainer trainer = model.model().newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                    .optDevices(new Device[] {device}))) {
                for (int step = 0; step < warmup + steps; step++) {
                    if (profileTrace != null && step == warmup) {
                        ai.djl.pytorch.jni.JniUtils.startProfile(false, true, false);
                    }
                    List<EncodedText> texts = randomTexts(random, batch, length, pretrained.config());
                    long start = System.nanoTime();
                    try (NDManager scope = model.model().getNDManager().newSubManager()) {
                        NDList inputs = collator.collate(scope, texts);
                        long[] labels = new long[batch];
                        for (int i = 0; i < batch; i++) {
                            labels[i] = random.nextInt(2);
                        }
                        NDArray gold = scope.create(labels);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray value = OwnedScalar.dividedBy(
                                    loss.weightedSum(trainer.forward(inputs).singletonOrThrow(), gold), batch);
                            collector.backward(value);
                            value.getFloat();
                        }
                    }
                    long optimizerStart = System.nanoTime();
                    optimizer.beginStep(step, 1f);
                    optimizer.applyStep();
                    // the update is asynchronous on a GPU: reading one value waits for it
                    model.network().namedParameters().values().iterator().next().getArray().getFloat(0, 0);
                    long end = System.nanoTime();
                    if (step >= warmup) {
                        stepTimes[step - warmup] = (end - start) / 1e9;
                        optimizerTimes[step - warmup] = (end - optimizerStart) / 1e9;
                    }
                }
                if (profileTrace != null) {
                    ai.djl.pytorch.jni.JniUtils.stopProfile(profileTrace.toAbsolutePath().toString());
                }
            }
            double stepSeconds = median(stepTimes);
            return new Result(pretrained.name(), batch, length, stepSeconds, median(optimizerTimes),
                    batch / stepSeconds, (double) batch * length / stepSeconds,
                    3 * batch * forwardFlopsPerSequence(pretrained.config(), length));
        }
    }

    /**
     * Forward FLOPs of one sequence: 2 per weight of every matrix product a token passes (encoder layers and
     * pooler; the embedding lookup is no product), plus the attention score and context products.
     */
    static double forwardFlopsPerSequence(BertConfig config, int length) {
        double h = config.hiddenSize();
        double perLayerWeights = 4 * h * h + 2 * h * config.intermediateSize();
        double weightFlops = 2 * perLayerWeights * config.numLayers() * length;
        double attentionFlops = 4.0 * length * length * h * config.numLayers();
        return weightFlops + attentionFlops;
    }

    static double median(double[] values) {
        return org.apache.commons.statistics.descriptive.Median.withDefaults().withCopy(true).evaluate(values);
    }

    /** Full-length sequences of random word pieces (ids above the special and unused range). */
    static List<EncodedText> randomTexts(Random random, int batch, int length, BertConfig config) {
        List<EncodedText> texts = new ArrayList<>(batch);
        int low = Math.min(1000, config.vocabSize() / 2);
        for (int i = 0; i < batch; i++) {
            int[] ids = new int[length];
            for (int t = 0; t < length; t++) {
                ids[t] = low + random.nextInt(config.vocabSize() - low);
            }
            texts.add(new EncodedText(ids, new int[length], length, 0));
        }
        return texts;
    }
}
