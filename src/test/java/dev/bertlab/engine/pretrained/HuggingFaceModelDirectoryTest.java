package dev.bertlab.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.tokenize.WordPieceTokenizerJson;
import dev.bertlab.engine.weights.SafetensorsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceModelDirectoryTest {

    private static final List<String> WORDS = List.of("good", "bad", "movie", "great", "awful", "plot", "the", "a",
            "was", "is", "not", "very", "##s", "fun", "boring");

    @TempDir
    Path temp;

    private Path tokenizer() throws Exception {
        List<String> vocab = new ArrayList<>(WordPieceTokenizerJson.SPECIAL_TOKENS);
        vocab.addAll(WORDS);
        Path vocabFile = temp.resolve("vocab.txt");
        Files.write(vocabFile, vocab);
        Path json = temp.resolve("tokenizer.json");
        WordPieceTokenizerJson.write(vocabFile, true, json);
        return json;
    }

    @Test
    void anExportedClassifierReloadsToIdenticalLogits() throws Exception {
        Path tokenizer = tokenizer();
        BertConfig config = BertConfig.tiny(5 + WORDS.size());
        Path exported = temp.resolve("model");
        List<String> labels = List.of("negative", "positive");
        List<String> texts = List.of("the movie was very good", "boring plot", "not fun");
        float[][] before;
        try (LoadedBert model = LoadedBert.create(config, TaskHead.classification(2), DropoutRates.BERT_DEFAULT,
                Device.cpu(), Map.of(), 3)) {
            HuggingFaceModelDirectory.write(exported, new HuggingFaceModelDirectory.Export(config,
                    new DropoutRates(0.1f, 0.1f, 0.3f), BertWeights.snapshot(model.network()), labels, tokenizer,
                    true, 64));
            try (TextEncoder encoder = TextEncoder.open(tokenizer, 64, Truncation.HEAD)) {
                before = BatchPredictor.softmax(new BatchPredictor(model, BatchCollator.dynamic(0), 8).outputs(
                        texts.stream().map(t -> encoder.encode(t, null)).toList(), done -> { }));
            }
        }
        for (String file : List.of("config.json", "model.safetensors", "tokenizer.json", "vocab.txt",
                "tokenizer_config.json", "special_tokens_map.json")) {
            assertThat(exported.resolve(file)).exists();
        }
        JsonNode json = new ObjectMapper().readTree(exported.resolve("config.json").toFile());
        assertThat(json.path("architectures").get(0).asText()).isEqualTo("BertForSequenceClassification");
        assertThat(json.path("id2label").path("1").asText()).isEqualTo("positive");
        assertThat(json.path("problem_type").asText()).isEqualTo("single_label_classification");
        assertThat(json.path("classifier_dropout").asDouble()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(SafetensorsReader.readAll(exported.resolve("model.safetensors")).keySet())
                .contains("bert.embeddings.word_embeddings.weight", "bert.encoder.layer.1.output.LayerNorm.bias",
                        "bert.pooler.dense.weight", "classifier.weight")
                .hasSize(5 + 16 * 2 + 2 + 2);
        assertThat(Files.readAllLines(exported.resolve("vocab.txt"))).startsWith("[PAD]", "[UNK]", "[CLS]");

        PretrainedBert reloaded = TestModels.registry().load(exported.toString(), m -> { });
        assertThat(reloaded.labels()).isEqualTo(labels);
        assertThat(reloaded.trainedMaxLength()).isEqualTo(64);
        try (TextClassifier again = TextClassifier.open(TestModels.registry(), exported.toString(), Device.cpu(),
                0, Truncation.HEAD)) {
            List<TextClassifier.Classification> results = again.classify(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(results.get(i).probabilities()).containsExactly(before[i]);
            }
            // one text alone (no padding) equals the same text in a padded batch
            assertThat(again.classify(List.of(texts.get(1))).get(0).probabilities())
                    .usingComparatorWithPrecision(1e-6f).containsExactly(results.get(1).probabilities());
        }
    }

    @Test
    void theTruncationSideIsWrittenOnlyWhereTransformersHasTheSameRule() {
        assertThat(HuggingFaceModelDirectory.truncationSide(dev.bertlab.engine.tokenize.Truncation.HEAD))
                .contains("right");
        assertThat(HuggingFaceModelDirectory.truncationSide(dev.bertlab.engine.tokenize.Truncation.parse("tail")))
                .contains("left");
        assertThat(HuggingFaceModelDirectory.truncationSide(dev.bertlab.engine.tokenize.Truncation.headTail(128)))
                .isEmpty();
    }
}
