package dev.bertlab.engine.predict;

import ai.djl.Device;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.onnx.ModelOnnx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fine-tuned classifier (a Hugging Face model directory) ready to label texts. Thread-safe for concurrent
 * {@link #classify} calls: forward passes without gradients share the weights read-only.
 */
public final class TextClassifier implements AutoCloseable {

    /** Longest text accepted before tokenization; a longer one is cut first (a 1 MB paste stays responsive). */
    public static final int MAX_CHARACTERS = 100_000;
    private static final int BATCH_SIZE = 16;
    private static final int MAX_BATCHED_TEXTS = 64;
    public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(5);

    private final String name;
    private final AutoCloseable model;
    private final TextEncoder encoder;
    private final List<String> labels;
    private final BatchPredictor predictor;
    private final ServingRuntime runtime;
    private final DynamicBatcher batcher;

    private TextClassifier(String name, AutoCloseable model, BatchPredictor predictor, TextEncoder encoder,
            List<String> labels, ServingRuntime runtime, Duration batchWindow) {
        this.name = name;
        this.model = model;
        this.encoder = encoder;
        this.labels = labels;
        this.predictor = predictor;
        this.runtime = runtime;
        this.batcher = new DynamicBatcher(predictor, batchWindow, MAX_BATCHED_TEXTS,
                Path.of(name).getFileName() == null ? name : Path.of(name).getFileName().toString());
    }

    /**
     * Opens the classifier on the runtime that suits the device (ONNX Runtime on a CPU).
     *
     * @param maxLength tokens per text; 0 takes the length the model was trained with (512 if unknown)
     */
    public static TextClassifier open(ModelRegistry registry, String modelDirectory, Device device, int maxLength,
            Truncation truncation) throws IOException {
        return open(registry, modelDirectory, device, maxLength, truncation, ServingRuntime.choose("auto", device));
    }

    public static TextClassifier open(ModelRegistry registry, String modelDirectory, Device device, int maxLength,
            Truncation truncation, ServingRuntime runtime) throws IOException {
        return open(registry, modelDirectory, device, maxLength, truncation, runtime, DEFAULT_BATCH_WINDOW);
    }

    /**
     * @param runtime ONNX Runtime runs the directory's model.onnx, written first if it has none
     * @param batchWindow how long concurrent requests are gathered into one batch while the classifier is busy
     */
    public static TextClassifier open(ModelRegistry registry, String modelDirectory, Device device, int maxLength,
            Truncation truncation, ServingRuntime runtime, Duration batchWindow) throws IOException {
        PretrainedBert pretrained = registry.load(modelDirectory, message -> { });
        if (!pretrained.isFineTuned() || pretrained.regression()) {
            throw new IllegalArgumentException(modelDirectory + " is not a fine-tuned classifier (no classifier "
                    + "head with labels); fine-tune one first");
        }
        int length = maxLength > 0 ? maxLength : Math.min(512, pretrained.trainedMaxLength());
        TextEncoder encoder = TextEncoder.open(pretrained.tokenizerJson(), length, truncation);
        BatchCollator collator = BatchCollator.dynamic(encoder.vocabulary().padId());
        try {
            Path directory = Path.of(modelDirectory);
            if (runtime.onnx() && Files.isDirectory(directory)) {
                Path graph = runtime == ServingRuntime.ONNX_RUNTIME_INT8 ? ModelOnnx.ensureInt8(directory, pretrained)
                        : ModelOnnx.ensure(directory, pretrained, message -> { });
                OnnxForward forward = new OnnxForward(graph, collator, Runtime.getRuntime().availableProcessors());
                return new TextClassifier(modelDirectory, forward, new BatchPredictor(forward, BATCH_SIZE), encoder,
                        pretrained.labels(), runtime, batchWindow);
            }
            LoadedBert model = LoadedBert.create(pretrained.config(), TaskHead.classification(pretrained.labels().size()),
                    DropoutRates.NONE, device, pretrained.weights(), 0);
            return new TextClassifier(modelDirectory, model, new BatchPredictor(model, collator, BATCH_SIZE), encoder,
                    pretrained.labels(), ServingRuntime.DJL, batchWindow);
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** What computes this classifier's forward passes. */
    public ServingRuntime runtime() {
        return runtime;
    }

    public String name() {
        return name;
    }

    public List<String> labels() {
        return labels;
    }

    public int maxLength() {
        return encoder.maxLength();
    }

    /**
     * Labels each text.
     *
     * @throws IllegalArgumentException for an empty or blank text (nothing to classify)
     */
    public List<Classification> classify(List<String> texts) {
        List<EncodedText> inputs = new ArrayList<>(texts.size());
        List<Boolean> cut = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text " + (i + 1) + " is empty: there is nothing to classify");
            }
            boolean tooLong = text.length() > MAX_CHARACTERS;
            inputs.add(encoder.encode(tooLong ? text.substring(0, MAX_CHARACTERS) : text, null));
            cut.add(tooLong);
        }
        long start = System.nanoTime();
        float[][] probabilities = BatchPredictor.softmax(batcher.outputs(inputs));
        double millis = (System.nanoTime() - start) / 1e6;
        List<Classification> results = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int best = BatchPredictor.argmax(probabilities[i]);
            EncodedText input = inputs.get(i);
            results.add(new Classification(labels.get(best), probabilities[i], input.length(),
                    cut.get(i) || input.truncated(), millis / texts.size()));
        }
        return results;
    }

    /**
     * Labels each text with test-time augmentation, and without it for comparison: long texts are read through
     * head, middle and tail windows (and perturbed copies if the settings ask) and the probabilities averaged.
     *
     * @throws IllegalArgumentException for an empty or blank text (nothing to classify)
     */
    public List<AugmentedClassification> classifyWithTta(List<String> texts, TestTimeAugmentation.Settings settings) {
        List<String> cut = texts.stream().map(text -> text != null && text.length() > MAX_CHARACTERS
                ? text.substring(0, MAX_CHARACTERS) : text).toList();
        TestTimeAugmentation.Result result = new TestTimeAugmentation(encoder, predictor, settings)
                .predict(cut, done -> { });
        List<AugmentedClassification> classifications = new ArrayList<>(texts.size());
        for (int i = 0; i < result.size(); i++) {
            classifications.add(new AugmentedClassification(labels.get(BatchPredictor.argmax(result.augmented()[i])),
                    result.augmented()[i], labels.get(BatchPredictor.argmax(result.plain()[i])), result.plain()[i],
                    result.views()[i]));
        }
        return classifications;
    }


    /** Forward batches run for {@link #classify} calls so far, and the requests they served. */
    public long batches() {
        return batcher.batches();
    }

    public long batchedRequests() {
        return batcher.requests();
    }

    @Override
    public void close() {
        batcher.close();
        try {
            model.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the model of " + name, e);
        } finally {
            encoder.close();
        }
    }

    /**
     * One text's result.
     *
     * @param label the most probable class
     * @param probabilities per class, in {@link #labels()} order
     * @param tokens tokens the model saw
     * @param truncated whether part of the text was not seen
     * @param millis this text's share of the batch's forward time
     */
    public record Classification(String label, float[] probabilities, int tokens, boolean truncated, double millis) {
    }

    /**
     * One text's result with and without test-time augmentation.
     *
     * @param label the most probable class after averaging the views
     * @param probabilities averaged over the views, in {@link #labels()} order
     * @param plainLabel the most probable class of the plain encoding alone
     * @param plainProbabilities of the plain encoding alone
     * @param views how many views were averaged
     */
    public record AugmentedClassification(String label, float[] probabilities, String plainLabel,
            float[] plainProbabilities, int views) {
    }
}
