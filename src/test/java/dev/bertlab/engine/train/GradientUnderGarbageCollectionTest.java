package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.support.GarbageCollectionPressure;
import dev.bertlab.engine.weights.NamedTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training must not depend on when the garbage collector runs. DJL's scalar operations ({@code mul(Number)} and
 * the like) wrap a Java buffer that PyTorch's autograd keeps for the backward pass; a collection in between used to
 * hand backward freed memory: wrong gradients, NaN, runs that diverged at random.
 */
class GradientUnderGarbageCollectionTest {

    private static final EncodedSplit TRAIN = TinyTask.split("train", 48, 5);

    @TempDir
    Path temp;

    private record Run(TrainingOutcome outcome, List<Double> losses, Map<String, NamedTensor> weights) {
    }

    private Run train(Hyperparameters hp, Path directory, Runnable beforeBackward) throws Exception {
        List<Double> losses = new ArrayList<>();
        TrainingEventListener listener = new TrainingEventListener() {
            @Override
            public void onStep(TrainingEvents.StepLogged step) {
                losses.add(step.loss());
            }
        };
        try (LoadedBert model = TinyTask.model(hp)) {
            FineTuner tuner = new FineTuner(model, TRAIN, null, TinyTask.LABELS, hp,
                    new CheckpointStore(directory, 1), List.of(listener), TinyTask.PAD);
            tuner.setBeforeBackwardHook(beforeBackward);
            TrainingOutcome outcome = tuner.train(false, () -> false);
            return new Run(outcome, losses, BertWeights.snapshot(model.network()));
        }
    }

    @Test
    void aRunWithACollectionBeforeEveryBackwardPassEndsWithTheWeightsOfAQuietRun() throws Exception {
        Hyperparameters hp = Hyperparameters.builder().learningRate(1e-3).batchSize(8).gradientAccumulation(2)
                .epochs(1).warmupSteps(1).loggingSteps(1).evalStrategy(Hyperparameters.EvalStrategy.NO)
                .saveStrategy(Hyperparameters.SaveStrategy.NO).seed(3).build();
        Run quiet = train(hp, temp.resolve("quiet"), () -> { });
        GarbageCollectionPressure pressure = new GarbageCollectionPressure();
        Run collected = train(hp, temp.resolve("collected"), pressure::apply);
        pressure.release();

        assertThat(collected.outcome().reason()).as(collected.outcome().message())
                .isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        assertThat(pressure.timesApplied()).isEqualTo(6); // 3 steps of 2 micro-batches
        assertThat(collected.losses()).isEqualTo(quiet.losses());
        for (String name : quiet.weights().keySet()) {
            assertThat(collected.weights().get(name).values()).as(name)
                    .containsExactly(quiet.weights().get(name).values());
        }
    }
}
