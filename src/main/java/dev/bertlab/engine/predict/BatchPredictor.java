package dev.bertlab.engine.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.train.BatchCollator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs a model over many encoded texts without gradients. Texts are batched in length order so that padding
 * costs next to nothing, and the outputs come back in the caller's order.
 */
public final class BatchPredictor {

    private final BatchForward forward;
    private final int batchSize;

    /** Runs the DJL model. */
    public BatchPredictor(LoadedBert model, BatchCollator collator, int batchSize) {
        this(batch -> djlForward(model, collator, batch), batchSize);
    }

    public BatchPredictor(BatchForward forward, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.forward = forward;
        this.batchSize = batchSize;
    }

    /** The head's raw output per text (logits for classification, the value for regression). */
    public float[][] outputs(List<EncodedText> texts, IntConsumer progress) {
        int[] order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> texts.get(i).length()))
                .mapToInt(Integer::intValue).toArray();
        float[][] outputs = new float[texts.size()][];
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<EncodedText> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(texts.get(order[i]));
            }
            float[][] batchOutputs = forward.forward(batch);
            for (int row = 0; row < batch.size(); row++) {
                outputs[order[start + row]] = batchOutputs[row];
            }
            progress.accept(end);
        }
        return outputs;
    }

    private static float[][] djlForward(LoadedBert model, BatchCollator collator, List<EncodedText> batch) {
        try (NDManager scope = model.model().getNDManager().newSubManager()) {
            NDList inputs = collator.collate(scope, batch);
            NDArray out = model.network().forward(new ParameterStore(scope, false), inputs, false).singletonOrThrow();
            return rows(out.toFloatArray(), batch.size());
        }
    }

    /** Splits a row-major [rows, width] array into its rows. */
    static float[][] rows(float[] flat, int rows) {
        int width = flat.length / rows;
        float[][] out = new float[rows][width];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(flat, row * width, out[row], 0, width);
        }
        return out;
    }

    /** The index of the largest value (the first of ties): the predicted class of a row of logits. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Softmax of each row, computed in double precision for stable probabilities. */
    public static float[][] softmax(float[][] logits) {
        float[][] probabilities = new float[logits.length][];
        for (int row = 0; row < logits.length; row++) {
            float[] z = logits[row];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double[] e = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                e[i] = Math.exp(z[i] - max);
                sum += e[i];
            }
            probabilities[row] = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                probabilities[row][i] = (float) (e[i] / sum);
            }
        }
        return probabilities;
    }
}
