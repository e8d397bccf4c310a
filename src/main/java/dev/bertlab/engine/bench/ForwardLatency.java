package dev.bertlab.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.train.BatchCollator;
import java.util.Random;

/** Median latency of one text through a classifier, the figure a live demo feels. */
final class ForwardLatency {

    private ForwardLatency() {
    }

    static double medianMillis(PretrainedBert pretrained, Device device, int length, int warmup, int repeats) {
        try (LoadedBert model = LoadedBert.create(pretrained.config(), TaskHead.classification(2), DropoutRates.NONE,
                device, pretrained.weights(), 1)) {
            BatchCollator collator = BatchCollator.dynamic(0);
            Random random = new Random(9);
            double[] millis = new double[repeats];
            for (int i = 0; i < warmup + repeats; i++) {
                try (NDManager scope = model.model().getNDManager().newSubManager()) {
                    NDList inputs = collator.collate(scope,
                            TrainingThroughput.randomTexts(random, 1, length, pretrained.config()));
                    long start = System.nanoTime();
                    model.network().forward(new ParameterStore(scope, false), inputs, false).singletonOrThrow()
                            .toFloatArray();
                    if (i >= warmup) {
                        millis[i - warmup] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            return TrainingThroughput.median(millis);
        }
    }
}
