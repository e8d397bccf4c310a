package dev.bertlab.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.predict.MaskFiller;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.BatchCollator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The encoder reproduces the real checkpoints: proof that weights, names and the block are BERT. */
class RealWeightsTest {

    @Test
    void bertBaseUncasedFillsTheCapitalOfFranceWithParis() throws Exception {
        PretrainedBert bert = TestModels.registry().load("bert-base-uncased", message -> { });
        assertThat(bert.config().numLayers()).isEqualTo(12);
        assertThat(bert.config().vocabSize()).isEqualTo(30522);
        try (MaskFiller filler = MaskFiller.open(bert, Device.cpu())) {
            List<MaskFiller.Candidate> candidates = filler.fill("the capital of france is [MASK].", 3).get(0);
            assertThat(candidates.get(0).token()).isEqualTo("paris");
            assertThat(candidates.get(0).probability()).isCloseTo(0.417, within(0.01));
        }
    }

    @Test
    void miniLmLastHiddenStateEqualsOnnxRuntime() throws Exception {
        ModelRegistry registry = TestModels.registry();
        PretrainedBert minilm = registry.load("all-MiniLM-L6-v2", message -> { });
        List<String> sentences = List.of("The movie was a delight from start to finish.",
                "Terrible.", "I would not buy this phone again; the battery died within a week and support was rude.");
        try (TextEncoder encoder = TextEncoder.open(minilm.tokenizerJson(), 128, Truncation.HEAD);
                LoadedBert model = LoadedBert.create(minilm.config(), TaskHead.encoder(), DropoutRates.NONE,
                        Device.cpu(), minilm.weights(), 0);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            List<EncodedText> inputs = sentences.stream().map(s -> encoder.encode(s, null)).toList();
            NDList batch = BatchCollator.dynamic(0).collate(manager, inputs);
            float[] ours = model.network().forward(new ParameterStore(manager, false), batch, false)
                    .singletonOrThrow().toFloatArray();
            int length = (int) batch.get(0).getShape().get(1);
            float[][][] reference = onnxRuntime(registry, batch, sentences.size(), length);
            double worst = 0;
            for (int b = 0; b < sentences.size(); b++) {
                for (int t = 0; t < inputs.get(b).length(); t++) {
                    for (int h = 0; h < 384; h++) {
                        worst = Math.max(worst, Math.abs(ours[(b * length + t) * 384 + h] - reference[b][t][h]));
                    }
                }
            }
            assertThat(worst).isLessThan(1e-4);
        }
    }

    private static float[][][] onnxRuntime(ModelRegistry registry, NDList batch, int rows, int length)
            throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        java.nio.file.Path onnx = registry.unpack(registry.find("all-MiniLM-L6-v2").orElseThrow(), m -> { })
                .resolve("model.onnx");
        try (OrtSession session = environment.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            long[] shape = {rows, length};
            try (OnnxTensor ids = OnnxTensor.createTensor(environment, java.nio.LongBuffer.wrap(batch.get(0)
                    .toLongArray()), shape);
                    OnnxTensor mask = OnnxTensor.createTensor(environment, java.nio.LongBuffer.wrap(batch.get(1)
                            .toLongArray()), shape);
                    OnnxTensor types = OnnxTensor.createTensor(environment, java.nio.LongBuffer.wrap(batch.get(2)
                            .toLongArray()), shape);
                    OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask,
                            "token_type_ids", types))) {
                return (float[][][]) result.get(0).getValue();
            }
        }
    }
}
