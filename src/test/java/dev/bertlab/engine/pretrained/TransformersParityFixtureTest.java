package dev.bertlab.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.TokenStats;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.tokenize.WordPieceTokenizerJson;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.train.CheckpointStore;
import dev.bertlab.engine.train.EncodedSplit;
import dev.bertlab.engine.train.FineTuner;
import dev.bertlab.engine.train.Hyperparameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Writes the fixture of tools/hf-parity/check_transformers.py: a tiny BERT (2 layers, hidden 32) fine-tuned for
 * a few steps, exported in Hugging Face's layout, with the Java engine's token ids and logits for a few texts.
 * The Python side needs transformers, which only the GPU machine has; here the test checks the fixture is whole.
 */
class TransformersParityFixtureTest {

    private static final List<String> WORDS = List.of("good", "bad", "movie", "great", "awful", "plot", "the", "a",
            "was", "is", "not", "very", "fun", "boring", "acting", "##s", "##ly", "love", "hate", "film");
    private static final List<String> TEXTS = List.of("The movie was very good", "awful acting, boring plot",
            "I love this film", "not fun at all", "Great films");

    @Test
    void writesATinyFineTunedModelWithTheEnginesLogits() throws Exception {
        Path fixture = Path.of("target", "hf-parity");
        Path vocab = fixture.resolve("vocab.txt");
        Files.createDirectories(fixture);
        List<String> tokens = new ArrayList<>(WordPieceTokenizerJson.SPECIAL_TOKENS);
        tokens.addAll(WORDS);
        Files.write(vocab, tokens);
        Path tokenizer = fixture.resolve("tokenizer.json");
        WordPieceTokenizerJson.write(vocab, true, tokenizer);
        BertConfig config = BertConfig.tiny(tokens.size());
        Hyperparameters hp = Hyperparameters.builder().learningRate(5e-3).batchSize(4).epochs(12).warmupSteps(1)
                .evalStrategy(Hyperparameters.EvalStrategy.NO).saveStrategy(Hyperparameters.SaveStrategy.NO).build();
        try (TextEncoder encoder = TextEncoder.open(tokenizer, 32, Truncation.HEAD);
                LoadedBert model = LoadedBert.create(config, TaskHead.classification(2), hp.dropoutRates(),
                        Device.cpu(), Map.of(), 5)) {
            EncodedSplit train = trainingSplit(encoder);
            new FineTuner(model, train, null, List.of("negative", "positive"), hp,
                    new CheckpointStore(fixture.resolve("checkpoints"), 1), List.of(), 0).train(false, () -> false);
            Path exported = fixture.resolve("model");
            HuggingFaceModelDirectory.write(exported, new HuggingFaceModelDirectory.Export(config,
                    hp.dropoutRates(), BertWeights.snapshot(model.network()), List.of("negative", "positive"),
                    tokenizer, true, 32));
            List<EncodedText> inputs = TEXTS.stream().map(t -> encoder.encode(t, null)).toList();
            float[][] logits = new float[inputs.size()][];
            BatchPredictor predictor = new BatchPredictor(model, BatchCollator.dynamic(0), 1);
            for (int i = 0; i < inputs.size(); i++) {
                logits[i] = predictor.outputs(List.of(inputs.get(i)), done -> { })[0];
            }
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("texts", TEXTS);
            expected.put("input_ids", inputs.stream().map(EncodedText::ids).toList());
            expected.put("logits", logits);
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(fixture.resolve("expected.json").toFile(),
                    expected);
            assertThat(exported.resolve("model.safetensors")).isNotEmptyFile();
            assertThat(logits[0][0]).isNotEqualTo(logits[1][0]);
        }
    }

    private static EncodedSplit trainingSplit(TextEncoder encoder) {
        Random random = new Random(2);
        List<String> ids = new ArrayList<>();
        List<EncodedText> inputs = new ArrayList<>();
        int[] labels = new int[32];
        for (int i = 0; i < 32; i++) {
            labels[i] = i % 2;
            String mood = labels[i] == 1 ? List.of("good", "great", "fun", "love").get(random.nextInt(4))
                    : List.of("bad", "awful", "boring", "hate").get(random.nextInt(4));
            inputs.add(encoder.encode("the " + WORDS.get(random.nextInt(WORDS.size())) + " was " + mood, null));
            ids.add("t" + i);
        }
        return new EncodedSplit("train", ids, inputs, labels, null, TokenStats.of(inputs));
    }
}
