package dev.bertlab.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.TinyTokenizer;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.train.CheckpointStore;
import dev.bertlab.engine.train.EncodedSplit;
import dev.bertlab.engine.train.FineTuner;
import dev.bertlab.engine.train.Hyperparameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test-time augmentation on a real tokenizer and a tiny BERT (2 layers, hidden 32) fine-tuned in a few seconds to
 * tell the words t0-t19 (class a), t20-t39 (class b) and t40-t59 (class c) apart, so that the head and the tail of
 * "t0 ... t39" disagree. Max length 16 leaves 14 word pieces per window; the words t0 to t99 are one piece each.
 */
class TestTimeAugmentationTest {

    private static final int MAX_LENGTH = 16;
    private static final int BUDGET = MAX_LENGTH - 2;
    /** 40 pieces: t0 .. t39 */
    private static final String LONG = numbered(0, 40);
    private static final String SHORT = "the film was not good";

    @TempDir
    static Path temp;

    private static TextEncoder encoder;
    private static LoadedBert model;
    private static BatchPredictor predictor;

    @BeforeAll
    static void openModel() throws Exception {
        Path tokenizer = TinyTokenizer.write(temp.resolve("tokenizer"));
        encoder = TextEncoder.open(tokenizer, MAX_LENGTH, Truncation.HEAD);
        Hyperparameters hp = Hyperparameters.builder().learningRate(3e-3).batchSize(8).epochs(12).warmupSteps(2)
                .dropout(0).evalStrategy(Hyperparameters.EvalStrategy.NO)
                .saveStrategy(Hyperparameters.SaveStrategy.NO).maxLength(MAX_LENGTH).seed(7).build();
        model = LoadedBert.create(BertConfig.tiny(TinyTokenizer.vocabulary().size()), TaskHead.classification(3),
                DropoutRates.NONE, Device.cpu(), Map.of(), hp.seed());
        Random random = new Random(7);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            int label = i % 3;
            int length = 4 + random.nextInt(9);
            String text = IntStream.range(0, length).mapToObj(w -> "t" + (20 * label + random.nextInt(20)))
                    .collect(Collectors.joining(" "));
            examples.add(Example.classified("e" + i, text, null, label));
        }
        EncodedSplit train = EncodedSplit.encode(encoder, "train", examples, false, 0, done -> { });
        new FineTuner(model, train, null, List.of("a", "b", "c"), hp, new CheckpointStore(temp.resolve("checkpoints"),
                1), List.of(), encoder.vocabulary().padId()).train(false, () -> false);
        predictor = new BatchPredictor(model, BatchCollator.dynamic(encoder.vocabulary().padId()), 4);
    }

    @AfterAll
    static void close() {
        model.close();
        encoder.close();
    }

    private static String numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
    }

    private static List<String> tokens(EncodedText input) {
        return encoder.tokens(input);
    }

    private static List<String> words(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "t" + i).toList();
    }

    @Test
    void aLongTextIsReadThroughHeadMiddleAndTailWindows() {
        TestTimeAugmentation tta = new TestTimeAugmentation(encoder, predictor, TestTimeAugmentation.Settings.WINDOWS);
        List<TestTimeAugmentation.View> views = tta.views(LONG);
        assertThat(views).extracting(TestTimeAugmentation.View::kind).containsExactly(
                TestTimeAugmentation.ViewKind.HEAD, TestTimeAugmentation.ViewKind.MIDDLE,
                TestTimeAugmentation.ViewKind.TAIL);
        for (TestTimeAugmentation.View view : views) {
            List<String> tokens = tokens(view.input());
            assertThat(tokens).hasSize(MAX_LENGTH).startsWith("[CLS]").endsWith("[SEP]");
            assertThat(view.input().truncated()).isTrue();
        }
        // 40 pieces, 14 per window: head 0..13, middle from (40 - 14) / 2 = 13, tail 26..39
        assertThat(tokens(views.get(0).input()).subList(1, BUDGET + 1)).isEqualTo(words(0, 14));
        assertThat(tokens(views.get(1).input()).subList(1, BUDGET + 1)).isEqualTo(words(13, 27));
        assertThat(tokens(views.get(2).input()).subList(1, BUDGET + 1)).isEqualTo(words(26, 40));
        // together they cover every piece of a text up to three windows long
        assertThat(views.stream().flatMap(v -> tokens(v.input()).stream()).collect(Collectors.toSet()))
                .containsAll(words(0, 40));
        // the head window of a head-truncated text is its plain encoding
        assertThat(views.get(0).input().ids()).isEqualTo(encoder.encode(LONG, null).ids());
    }

    @Test
    void theMiddleWindowIsCentredOnALongerText() {
        TestTimeAugmentation tta = new TestTimeAugmentation(encoder, predictor, TestTimeAugmentation.Settings.WINDOWS);
        List<TestTimeAugmentation.View> views = tta.views(numbered(0, 100));
        List<String> middle = tokens(views.get(1).input()).subList(1, BUDGET + 1);
        assertThat(middle).isEqualTo(words(43, 57)); // (100 - 14) / 2 = 43: 43 before, 43 after
        assertThat(tokens(views.get(2).input()).subList(1, BUDGET + 1)).isEqualTo(words(86, 100));
    }

    @Test
    void aShortTextGetsOneViewUnlessPerturbationsAreAsked() {
        TestTimeAugmentation windows = new TestTimeAugmentation(encoder, predictor,
                TestTimeAugmentation.Settings.WINDOWS);
        assertThat(windows.views(SHORT)).singleElement().satisfies(view -> {
            assertThat(view.kind()).isEqualTo(TestTimeAugmentation.ViewKind.PLAIN);
            assertThat(view.input().ids()).isEqualTo(encoder.encode(SHORT, null).ids());
        });
        // exactly max length - 2 pieces still fits: one view
        assertThat(windows.views(numbered(0, BUDGET))).hasSize(1);
        assertThat(windows.views(numbered(0, BUDGET + 1))).hasSize(3);

        TestTimeAugmentation perturbed = new TestTimeAugmentation(encoder, predictor,
                new TestTimeAugmentation.Settings(true, 4, 0.3, 13));
        List<TestTimeAugmentation.View> views = perturbed.views(SHORT);
        assertThat(views).extracting(TestTimeAugmentation.View::kind).containsExactly(
                TestTimeAugmentation.ViewKind.PLAIN, TestTimeAugmentation.ViewKind.DELETION,
                TestTimeAugmentation.ViewKind.SWAP, TestTimeAugmentation.ViewKind.DELETION,
                TestTimeAugmentation.ViewKind.SWAP);
        assertThat(perturbed.views(LONG)).hasSize(3 + 4);
        // a swap view holds the same pieces in another order; a deletion view keeps "not"
        List<String> plainTokens = new ArrayList<>(tokens(views.get(0).input()));
        List<String> swapped = new ArrayList<>(tokens(views.get(2).input()));
        plainTokens.sort(null);
        swapped.sort(null);
        assertThat(swapped).isEqualTo(plainTokens);
        assertThat(tokens(views.get(1).input())).contains("not");
    }

    @Test
    void theSameTextsGiveBitIdenticalResults() {
        TestTimeAugmentation tta = new TestTimeAugmentation(encoder, predictor,
                new TestTimeAugmentation.Settings(true, 2, 0.2, 13));
        List<String> texts = List.of(LONG, SHORT, numbered(5, 60), "great fun");
        TestTimeAugmentation.Result first = tta.predict(texts, done -> { });
        TestTimeAugmentation.Result second = new TestTimeAugmentation(encoder, predictor,
                new TestTimeAugmentation.Settings(true, 2, 0.2, 13)).predict(texts, done -> { });
        assertThat(second.plain()).isDeepEqualTo(first.plain());
        assertThat(second.augmented()).isDeepEqualTo(first.augmented());
        assertThat(second.views()).containsExactly(first.views()).containsExactly(5, 3, 5, 3);
        for (int i = 0; i < texts.size(); i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(Float.floatToIntBits(second.augmented()[i][c]))
                        .isEqualTo(Float.floatToIntBits(first.augmented()[i][c]));
            }
        }
    }

    @Test
    void theAugmentedPredictionIsTheMeanOfItsViewsAndThePlainOneIsUntouched() {
        TestTimeAugmentation tta = new TestTimeAugmentation(encoder, predictor, TestTimeAugmentation.Settings.WINDOWS);
        List<String> texts = List.of(LONG, SHORT);
        TestTimeAugmentation.Result result = tta.predict(texts, done -> { });
        for (int t = 0; t < texts.size(); t++) {
            List<TestTimeAugmentation.View> views = tta.views(texts.get(t));
            float[][] each = new float[views.size()][];
            for (int v = 0; v < views.size(); v++) {
                // each view alone, in a batch of its own
                each[v] = BatchPredictor.softmax(predictor.outputs(List.of(views.get(v).input()), done -> { }))[0];
            }
            float[] plain = BatchPredictor.softmax(predictor.outputs(List.of(encoder.encode(texts.get(t), null)),
                    done -> { }))[0];
            for (int c = 0; c < 3; c++) {
                double mean = 0;
                for (float[] probabilities : each) {
                    mean += probabilities[c];
                }
                mean /= each.length;
                assertThat((double) result.augmented()[t][c]).isCloseTo(mean, within(1e-5));
                assertThat(result.plain()[t][c]).isCloseTo(plain[c], within(1e-5f));
            }
            assertThat(sum(result.augmented()[t])).isCloseTo(1.0, within(1e-5));
        }
        // the windows of the long text disagree, so averaging moved its prediction away from the head's
        float[][] windows = BatchPredictor.softmax(predictor.outputs(tta.views(LONG).stream()
                .map(TestTimeAugmentation.View::input).toList(), done -> { }));
        assertThat(argmax(windows[0])).as("head t0-t13").isZero();
        assertThat(argmax(windows[2])).as("tail t26-t39").isOne();
        assertThat(maxDifference(windows[0], windows[2])).isGreaterThan(0.3);
        assertThat(result.augmented()[0][1]).isGreaterThan(result.plain()[0][1] + 0.1f);
        // the short text has one view: with and without TTA agree
        assertThat(result.augmented()[1]).containsExactly(result.plain()[1]);
    }

    @Test
    void evaluationReportsBothAndRefusesBlankTexts() {
        TestTimeAugmentation tta = new TestTimeAugmentation(encoder, predictor, TestTimeAugmentation.Settings.WINDOWS);
        List<String> texts = List.of(LONG, SHORT, numbered(10, 70), "bad plot");
        TestTimeAugmentation.Evaluation evaluation = tta.evaluate(texts, new int[] {0, 1, 2, 1},
                List.of("a", "b", "c"), done -> { });
        assertThat(evaluation.plain().accuracy()).isBetween(0.0, 1.0);
        assertThat(evaluation.augmented().accuracy()).isBetween(0.0, 1.0);
        assertThat(evaluation.result().views()).containsExactly(3, 1, 3, 1);
        assertThatThrownBy(() -> tta.predict(List.of("fine", " "), done -> { }))
                .hasMessageContaining("text 2 is empty");
        assertThatThrownBy(() -> new TestTimeAugmentation.Settings(true, 9, 0.1, 1))
                .hasMessageContaining("0 to 8");
        assertThatThrownBy(() -> new TestTimeAugmentation.Settings(true, 1, 0.8, 1))
                .hasMessageContaining("0 to 0.5");
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            best = values[c] > values[best] ? c : best;
        }
        return best;
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
