package dev.bertlab.engine.train;

import ai.djl.Device;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TokenStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic classification task a 2-layer, hidden-32 BERT learns in seconds: a sequence is positive when it
 * contains token 7. Lengths vary so that padding and bucketing are exercised.
 */
final class TinyTask {

    static final int VOCAB = 50;
    static final int PAD = 0;
    static final BertConfig CONFIG = BertConfig.tiny(VOCAB);
    static final List<String> LABELS = List.of("negative", "positive");

    private TinyTask() {
    }

    static EncodedSplit split(String name, int size, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<EncodedText> inputs = new ArrayList<>();
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int length = 4 + random.nextInt(20);
            int[] tokens = new int[length];
            tokens[0] = 2;
            tokens[length - 1] = 3;
            for (int t = 1; t < length - 1; t++) {
                tokens[t] = 8 + random.nextInt(VOCAB - 8);
            }
            labels[i] = random.nextInt(2);
            if (labels[i] == 1) {
                tokens[1 + random.nextInt(length - 2)] = 7;
            }
            ids.add(name + "-" + i);
            inputs.add(new EncodedText(tokens, new int[length], length, 0));
        }
        return new EncodedSplit(name, ids, inputs, labels, null, TokenStats.of(inputs));
    }

    static LoadedBert model(Hyperparameters hp) {
        return LoadedBert.create(CONFIG, TaskHead.classification(2), hp.dropoutRates(), Device.cpu(), Map.of(),
                hp.seed());
    }

    static DropoutRates none() {
        return DropoutRates.NONE;
    }
}
