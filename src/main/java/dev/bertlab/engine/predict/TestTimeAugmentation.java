package dev.bertlab.engine.predict;

import dev.bertlab.engine.augment.TextAugmenter;
import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Test-time augmentation for classification: the model reads each text through several views and the class
 * probabilities of the views are averaged. A text longer than max length is read through three windows of word
 * pieces (head, middle and tail) instead of the one its truncation keeps; optionally, lightly perturbed copies
 * (random deletion and swap with a fixed seed) add views. A text that fits and has no perturbations gets one view,
 * its plain encoding. Every result holds the plain prediction too, so an evaluation reports both.
 *
 * <p>Deterministic: the views depend on the text and the settings alone, the batches on the list of texts, so the
 * same texts give bit-identical probabilities on every call.
 */
public final class TestTimeAugmentation {

    /** Most perturbed views per text. */
    public static final int MAX_PERTURBED_VIEWS = 8;

    /**
     * @param windows read long texts through head, middle and tail windows
     * @param perturbedViews perturbed copies per text, alternately deletion and swap; 0 for none
     * @param perturbationStrength share of words a perturbation touches, 0 to 0.5
     * @param seed makes the perturbations reproducible
     */
    public record Settings(boolean windows, int perturbedViews, double perturbationStrength, long seed) {

        /** Windows for long texts, no perturbations. */
        public static final Settings WINDOWS = new Settings(true, 0, 0.1, 13);

        public Settings {
            if (perturbedViews < 0 || perturbedViews > MAX_PERTURBED_VIEWS) {
                throw new IllegalArgumentException("perturbed views must be 0 to " + MAX_PERTURBED_VIEWS + ", got "
                        + perturbedViews);
            }
            if (!(perturbationStrength >= 0 && perturbationStrength <= TextAugmenter.MAX_STRENGTH)) {
                throw new IllegalArgumentException("perturbation strength must be 0 to " + TextAugmenter.MAX_STRENGTH
                        + ", got " + perturbationStrength);
            }
        }
    }

    /** What a view shows of its text. */
    public enum ViewKind {
        /** the text as the encoder's truncation keeps it (the only window of a text that fits) */
        PLAIN,
        HEAD,
        MIDDLE,
        TAIL,
        /** the text with words deleted, then encoded as usual */
        DELETION,
        /** the text with words swapped, then encoded as usual */
        SWAP
    }

    /** One view of a text, ready for the model. */
    public record View(ViewKind kind, EncodedText input) {
    }

    /**
     * Probabilities per text, in the caller's order.
     *
     * @param plain from the plain encoding alone (what prediction without TTA gives)
     * @param augmented the mean over the text's views
     * @param views how many views each text was read through
     */
    public record Result(float[][] plain, float[][] augmented, int[] views) {

        public int size() {
            return plain.length;
        }
    }

    /**
     * Metrics with and without TTA on the same texts.
     *
     * @param plain scores of the plain predictions
     * @param augmented scores of the averaged predictions
     * @param result the probabilities both came from
     */
    public record Evaluation(ClassificationMetrics plain, ClassificationMetrics augmented, Result result) {
    }

    private final TextEncoder encoder;
    private final BatchPredictor predictor;
    private final Settings settings;

    /**
     * @param encoder the model's tokenizer, with the max length and truncation of plain predictions
     * @param predictor runs the classifier
     */
    public TestTimeAugmentation(TextEncoder encoder, BatchPredictor predictor, Settings settings) {
        this.encoder = encoder;
        this.predictor = predictor;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The views whose probabilities are averaged for {@code text}, in a fixed order. */
    public List<View> views(String text) {
        List<View> views = new ArrayList<>();
        int[] pieces = encoder.wordPieces(text);
        int budget = encoder.maxLength() - 2;
        if (settings.windows() && pieces.length > budget) {
            views.add(new View(ViewKind.HEAD, encoder.window(pieces, 0, budget)));
            views.add(new View(ViewKind.MIDDLE, encoder.window(pieces, (pieces.length - budget) / 2, budget)));
            views.add(new View(ViewKind.TAIL, encoder.window(pieces, pieces.length - budget, budget)));
        } else {
            views.add(new View(ViewKind.PLAIN, encoder.encode(text, null)));
        }
        for (int v = 1; v <= settings.perturbedViews(); v++) {
            Random random = new Random(settings.seed() * 31 + v);
            boolean deletion = v % 2 == 1;
            String perturbed = deletion
                    ? TextAugmenter.randomDeletion(text, settings.perturbationStrength(), random)
                    : TextAugmenter.randomSwap(text, settings.perturbationStrength(), random);
            views.add(new View(deletion ? ViewKind.DELETION : ViewKind.SWAP, encoder.encode(perturbed, null)));
        }
        return views;
    }

    /**
     * Predicts every view of every text in one pass over the model.
     *
     * @throws IllegalArgumentException for an empty or blank text
     */
    public Result predict(List<String> texts, IntConsumer progress) {
        List<EncodedText> inputs = new ArrayList<>();
        int[] plainIndex = new int[texts.size()];
        int[][] viewIndex = new int[texts.size()][];
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text " + (t + 1) + " is empty: there is nothing to classify");
            }
            EncodedText plain = encoder.encode(text, null);
            plainIndex[t] = inputs.size();
            inputs.add(plain);
            List<View> views = views(text);
            viewIndex[t] = new int[views.size()];
            for (int v = 0; v < views.size(); v++) {
                EncodedText input = views.get(v).input();
                if (Arrays.equals(input.ids(), plain.ids())) {
                    viewIndex[t][v] = plainIndex[t]; // the head window of a head-truncated text: predicted once
                } else {
                    viewIndex[t][v] = inputs.size();
                    inputs.add(input);
                }
            }
        }
        float[][] probabilities = BatchPredictor.softmax(predictor.outputs(inputs, progress));
        float[][] plain = new float[texts.size()][];
        float[][] averaged = new float[texts.size()][];
        int[] counts = new int[texts.size()];
        for (int t = 0; t < texts.size(); t++) {
            plain[t] = probabilities[plainIndex[t]].clone();
            averaged[t] = mean(probabilities, viewIndex[t]);
            counts[t] = viewIndex[t].length;
        }
        return new Result(plain, averaged, counts);
    }

    /** Scores the plain and the averaged predictions of labelled texts. */
    public Evaluation evaluate(List<String> texts, int[] gold, List<String> labelNames, IntConsumer progress) {
        if (gold.length != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + gold.length + " gold labels");
        }
        Result result = predict(texts, progress);
        return new Evaluation(ClassificationMetrics.compute(gold, result.plain(), labelNames),
                ClassificationMetrics.compute(gold, result.augmented(), labelNames), result);
    }

    /** The mean of some rows, summed in double in the given order. */
    static float[] mean(float[][] rows, int[] which) {
        int width = rows[which[0]].length;
        double[] sum = new double[width];
        for (int row : which) {
            for (int c = 0; c < width; c++) {
                sum[c] += rows[row][c];
            }
        }
        float[] mean = new float[width];
        for (int c = 0; c < width; c++) {
            mean[c] = (float) (sum[c] / which.length);
        }
        return mean;
    }
}
