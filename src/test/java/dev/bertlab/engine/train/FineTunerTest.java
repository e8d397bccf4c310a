package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.EngineException;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.weights.NamedTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTunerTest {

    private static final EncodedSplit TRAIN = TinyTask.split("train", 96, 1);
    private static final EncodedSplit VALIDATION = TinyTask.split("validation", 64, 2);

    @TempDir
    Path temp;

    private static Hyperparameters.Builder base() {
        return Hyperparameters.builder().learningRate(1e-3).batchSize(8).epochs(1).warmupSteps(2).loggingSteps(1)
                .evalStrategy(Hyperparameters.EvalStrategy.NO).saveStrategy(Hyperparameters.SaveStrategy.NO)
                .seed(11);
    }

    private record Run(TrainingOutcome outcome, Map<String, NamedTensor> weights, List<TrainingEvents.Notice> notices,
            List<TrainingEvents.Evaluated> evaluations) {
    }

    private Run train(Hyperparameters hp, Path directory, boolean resume, int cancelAfterStep,
            java.util.function.IntConsumer hook) throws Exception {
        List<TrainingEvents.Notice> notices = new ArrayList<>();
        List<TrainingEvents.Evaluated> evaluations = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        TrainingEventListener listener = new TrainingEventListener() {
            @Override
            public void onNotice(TrainingEvents.Notice notice) {
                notices.add(notice);
            }

            @Override
            public void onEvaluation(TrainingEvents.Evaluated evaluation) {
                evaluations.add(evaluation);
            }

            @Override
            public void onProgress(TrainingEvents.Progress progress) {
                steps.set(progress.step());
            }
        };
        try (LoadedBert model = TinyTask.model(hp)) {
            FineTuner tuner = new FineTuner(model, TRAIN, VALIDATION, TinyTask.LABELS, hp,
                    new CheckpointStore(directory, 2), List.of(listener), TinyTask.PAD);
            if (hook != null) {
                tuner.setMicroBatchHook(hook);
            }
            TrainingOutcome outcome = tuner.train(resume, () -> cancelAfterStep > 0 && steps.get() >= cancelAfterStep);
            return new Run(outcome, BertWeights.snapshot(model.network()), notices, evaluations);
        }
    }

    private static void assertSameWeights(Map<String, NamedTensor> actual, Map<String, NamedTensor> expected,
            float tolerance) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            float[] a = actual.get(name).values();
            float[] e = expected.get(name).values();
            for (int i = 0; i < e.length; i++) {
                assertThat(a[i]).as("%s[%d]", name, i).isCloseTo(e[i], within(tolerance));
            }
        }
    }

    @Test
    void learnsTheTinyTask() throws Exception {
        Hyperparameters hp = base().learningRate(5e-3).epochs(10).evalStrategy(Hyperparameters.EvalStrategy.EPOCH)
                .metricForBestModel("accuracy").build();
        Run run = train(hp, temp.resolve("learn"), false, 0, null);
        assertThat(run.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        assertThat(run.outcome().steps()).isEqualTo(10 * 12);
        assertThat(run.outcome().bestMetric()).isGreaterThan(0.9);
    }

    @Test
    void theSameSeedReproducesARunAndAnotherSeedDoesNot() throws Exception {
        Hyperparameters hp = base().build();
        Run first = train(hp, temp.resolve("one"), false, 0, null);
        Run again = train(hp, temp.resolve("two"), false, 0, null);
        Run other = train(base().seed(12).build(), temp.resolve("three"), false, 0, null);
        assertSameWeights(again.weights(), first.weights(), 0f);
        assertThat(other.weights().get("classifier.weight")).isNotEqualTo(first.weights().get("classifier.weight"));
    }

    @Test
    void fp16OnTheCpuSaysSoAndTrainsInFp32() throws Exception {
        Hyperparameters hp = base().precision(dev.bertlab.engine.model.ComputePrecision.FP16).build();
        Run run = train(hp, temp.resolve("fp16"), false, 0, null);
        assertThat(run.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        assertThat(run.notices()).anyMatch(n -> n.kind().equals("precision") && n.message().contains("fp32"));
    }

    @Test
    void accumulatingTwoBatchesOfFourEqualsOneBatchOfEight() throws Exception {
        Hyperparameters eight = base().dropout(0).build();
        Hyperparameters fourTimesTwo = base().dropout(0).batchSize(4).gradientAccumulation(2).build();
        Run a = train(eight, temp.resolve("a"), false, 0, null);
        Run b = train(fourTimesTwo, temp.resolve("b"), false, 0, null);
        assertThat(a.outcome().steps()).isEqualTo(b.outcome().steps()).isEqualTo(12);
        assertSameWeights(b.weights(), a.weights(), 2e-5f);
    }

    @Test
    void anInterruptedRunResumesToTheSameWeights() throws Exception {
        // dropout stays on: the resumed half must draw the very same masks
        Hyperparameters hp = base().epochs(2).saveStrategy(Hyperparameters.SaveStrategy.STEPS).saveSteps(5)
                .build();
        Run uninterrupted = train(hp, temp.resolve("whole"), false, 0, null);
        // checkpoints every 5 steps and at the end, the last two kept
        assertThat(new CheckpointStore(temp.resolve("whole"), 2).list())
                .extracting(CheckpointStore.Checkpoint::step).containsExactly(20, 24);
        Run first = train(hp, temp.resolve("split"), false, 7, null);
        assertThat(first.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.CANCELLED);
        assertThat(first.outcome().steps()).isEqualTo(7);
        Run second = train(hp, temp.resolve("split"), true, 0, null);
        assertThat(second.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        assertThat(second.notices()).anyMatch(n -> n.kind().equals("resumed") && n.step() == 7);
        assertSameWeights(second.weights(), uninterrupted.weights(), 1e-6f);
    }

    @Test
    void outOfMemoryHalvesTheMicroBatchAndKeepsTheEffectiveBatch() throws Exception {
        Hyperparameters hp = base().dropout(0).build();
        Run normal = train(hp, temp.resolve("normal"), false, 0, null);
        Run squeezed = train(hp, temp.resolve("oom"), false, 0, size -> {
            if (size > 2) {
                throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");
            }
        });
        assertThat(squeezed.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        assertThat(squeezed.notices()).filteredOn(n -> n.kind().equals("oom_retry")).hasSize(2)
                .last().satisfies(n -> assertThat(n.message()).contains("retrying the step with 2 and 4 accumulation"));
        assertSameWeights(squeezed.weights(), normal.weights(), 2e-5f);
    }

    @Test
    void anInfiniteLossStopsTheRunAsDiverged() throws Exception {
        EncodedSplit train = TinyTask.split("train", 32, 3);
        double[] targets = new double[train.size()];
        targets[20] = Double.POSITIVE_INFINITY;
        EncodedSplit broken = new EncodedSplit("train", train.ids(), train.inputs(), null, targets, train.stats());
        Hyperparameters hp = base().metricForBestModel("mse").build();
        try (LoadedBert model = dev.bertlab.engine.model.LoadedBert.create(TinyTask.CONFIG,
                dev.bertlab.engine.model.TaskHead.regression(), hp.dropoutRates(), ai.djl.Device.cpu(), Map.of(), 1)) {
            FineTuner tuner = new FineTuner(model, broken, null, List.of(), hp,
                    new CheckpointStore(temp.resolve("nan"), 1), List.of(), TinyTask.PAD);
            TrainingOutcome outcome = tuner.train(false, () -> false);
            assertThat(outcome.reason()).isEqualTo(TrainingOutcome.FinishReason.DIVERGED);
            assertThat(outcome.message()).contains("diverged at step").contains("lower the learning rate");
            assertThat(outcome.steps()).isLessThan(4);
        }
    }

    @Test
    void aNanGradientUnderAFiniteLossIsANumericFaultNotALearningRateThatIsTooHigh() throws Exception {
        Hyperparameters hp = base().build();
        List<TrainingEvents.Notice> notices = new ArrayList<>();
        TrainingEventListener listener = new TrainingEventListener() {
            @Override
            public void onNotice(TrainingEvents.Notice notice) {
                notices.add(notice);
            }
        };
        try (LoadedBert model = TinyTask.model(hp)) {
            FineTuner tuner = new FineTuner(model, TRAIN, null, TinyTask.LABELS, hp,
                    new CheckpointStore(temp.resolve("fault"), 1), List.of(listener), TinyTask.PAD);
            AtomicInteger backwardPasses = new AtomicInteger();
            tuner.setBeforeBackwardHook(() -> {
                if (backwardPasses.incrementAndGet() == 3) {
                    // what corrupted memory did to a gradient: NaN in it, while the forward pass was fine
                    model.network().namedParameters().get("classifier.bias").getArray().getGradient()
                            .set(new float[] {Float.NaN, Float.NaN});
                }
            });
            TrainingOutcome outcome = tuner.train(false, () -> false);

            assertThat(outcome.reason()).isEqualTo(TrainingOutcome.FinishReason.DIVERGED);
            assertThat(outcome.steps()).isEqualTo(2);
            assertThat(outcome.message()).startsWith("numeric fault at step 3: the gradient norm became NaN")
                    .contains("not the settings").doesNotContain("lower the learning rate");
            assertThat(notices).extracting(TrainingEvents.Notice::kind).contains(FineTuner.NUMERIC_FAULT_NOTICE)
                    .doesNotContain("diverged");
        }
    }

    @Test
    void earlyStoppingEndsTheRunAndRestoresTheBestWeights() throws Exception {
        Hyperparameters hp = base().epochs(5).evalStrategy(Hyperparameters.EvalStrategy.STEPS).evalSteps(2)
                .earlyStoppingPatience(2).earlyStoppingThreshold(100).build();
        Run run = train(hp, temp.resolve("early"), false, 0, null);
        assertThat(run.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.EARLY_STOPPED);
        // the first evaluation is the best (no later one beats it by 100); two more without improvement stop it
        assertThat(run.outcome().steps()).isEqualTo(6);
        assertThat(run.outcome().bestStep()).isEqualTo(2);
        assertThat(run.evaluations()).hasSize(3);
        assertThat(run.notices()).anyMatch(n -> n.kind().equals("best_model"));
        Map<String, NamedTensor> best = new CheckpointStore(temp.resolve("early"), 2).bestWeights().orElseThrow();
        assertSameWeights(run.weights(), best, 0f);
        Map<String, NamedTensor> last = new CheckpointStore(temp.resolve("early"), 2).weights(
                new CheckpointStore(temp.resolve("early"), 2).latest().orElseThrow());
        assertThat(last.get("classifier.weight")).isNotEqualTo(best.get("classifier.weight"));
    }
}
