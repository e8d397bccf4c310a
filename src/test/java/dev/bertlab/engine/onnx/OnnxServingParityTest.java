package dev.bertlab.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.predict.OnnxForward;
import dev.bertlab.engine.predict.OutputComparison;
import dev.bertlab.engine.predict.ServingRuntime;
import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.engine.pretrained.HuggingFaceModelDirectory;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.pretrained.TestModels;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.BatchCollator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier on the real MiniLM encoder, saved in Hugging Face's layout the way a run saves it: the serving path
 * (its model.onnx in ONNX Runtime) gives the DJL engine's logits on IMDb's first 100 test reviews.
 */
@Tag("slow")
class OnnxServingParityTest {

    @TempDir
    Path temporary;

    @Test
    void onnxRuntimeServesTheEnginesLogitsOnTheFirstHundredTestReviews() throws Exception {
        ModelRegistry registry = TestModels.registry();
        PretrainedBert minilm = registry.load("all-MiniLM-L6-v2", message -> { });
        Path directory = temporary.resolve("model");
        try (LoadedBert model = LoadedBert.create(minilm.config(), TaskHead.classification(2), DropoutRates.NONE,
                Device.cpu(), minilm.weights(), 5)) {
            HuggingFaceModelDirectory.write(directory, new HuggingFaceModelDirectory.Export(minilm.config(),
                    DropoutRates.NONE, BertWeights.snapshot(model.network()), List.of("neg", "pos"),
                    minilm.tokenizerJson(), minilm.lowercase(), 128));
        }
        assertThat(ModelOnnx.of(directory)).doesNotExist();
        List<String> reviews = DatasetCatalog.open(TestModels.dataDirectory()).load("imdb").split(Split.TEST)
                .subList(0, 100).stream().map(Example::text).toList();

        // first use of a directory without model.onnx writes it
        try (TextClassifier served = TextClassifier.open(registry, directory.toString(), Device.cpu(), 0,
                Truncation.HEAD);
                TextClassifier engine = TextClassifier.open(registry, directory.toString(), Device.cpu(), 0,
                        Truncation.HEAD, ServingRuntime.DJL)) {
            assertThat(served.runtime()).isEqualTo(ServingRuntime.ONNX_RUNTIME);
            assertThat(ModelOnnx.isCurrent(directory)).isTrue();
            List<TextClassifier.Classification> fromOnnx = served.classify(reviews.subList(0, 8));
            List<TextClassifier.Classification> fromEngine = engine.classify(reviews.subList(0, 8));
            for (int i = 0; i < fromOnnx.size(); i++) {
                assertThat(fromOnnx.get(i).label()).isEqualTo(fromEngine.get(i).label());
                assertThat(OutputComparison.largestDifference(new float[][] {fromOnnx.get(i).probabilities()},
                        new float[][] {fromEngine.get(i).probabilities()})).isLessThan(1e-5);
            }
        }

        PretrainedBert saved = registry.load(directory.toString(), message -> { });
        try (TextEncoder encoder = TextEncoder.open(saved.tokenizerJson(), 128, Truncation.HEAD);
                LoadedBert model = LoadedBert.create(saved.config(), TaskHead.classification(2), DropoutRates.NONE,
                        Device.cpu(), saved.weights(), 0);
                OnnxForward forward = new OnnxForward(ModelOnnx.of(directory),
                        BatchCollator.dynamic(encoder.vocabulary().padId()), 2)) {
            List<EncodedText> inputs = reviews.stream().map(text -> encoder.encode(text, null)).toList();
            float[][] engine = new BatchPredictor(model, BatchCollator.dynamic(encoder.vocabulary().padId()), 16)
                    .outputs(inputs, done -> { });
            float[][] onnx = new BatchPredictor(forward, 16).outputs(inputs, done -> { });
            assertThat(onnx).hasNumberOfRows(100);
            assertThat(OutputComparison.largestDifference(engine, onnx)).isLessThan(1e-4);
        }
        assertThat(Files.size(ModelOnnx.of(directory))).isGreaterThan(80_000_000L);
    }

}
