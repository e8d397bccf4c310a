package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against tiny-hf-bert-model: a bare BertModel with old gamma/beta names, written by Hugging Face's library. */
class HuggingFaceCheckpointTest {

    @Test
    void loadsABareBertModelUnderTheProjectsNames() throws IOException {
        JsonNode reference = WeightFixtures.json("tiny-hf-bert-model.json");
        Map<String, NamedTensor> weights = HuggingFaceCheckpoint.loadWeights(
                WeightFixtures.resource("tiny-hf-bert-model.safetensors"));
        List<String> expected = new ArrayList<>(BertParameterNames.encoder(1));
        expected.addAll(BertParameterNames.pooler());
        assertThat(weights.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(weights.get("bert.embeddings.LayerNorm.weight").values()).containsExactly(
                WeightFixtures.tensor("gamma", reference.get("embeddings.LayerNorm.gamma")).values());
        assertThat(weights.get("bert.encoder.layer.0.intermediate.dense.weight")).isEqualTo(WeightFixtures.tensor(
                "bert.encoder.layer.0.intermediate.dense.weight",
                reference.get("encoder.layer.0.intermediate.dense.weight")));
    }

    @Test
    void normalizesEveryKindOfBertCheckpointName() {
        assertThat(HuggingFaceCheckpointNames.normalize("bert.encoder.layer.7.attention.self.key.bias"))
                .contains("bert.encoder.layer.7.attention.self.key.bias");
        assertThat(HuggingFaceCheckpointNames.normalize("encoder.layer.7.output.LayerNorm.gamma"))
                .contains("bert.encoder.layer.7.output.LayerNorm.weight");
        assertThat(HuggingFaceCheckpointNames.normalize("bert.embeddings.LayerNorm.beta"))
                .contains("bert.embeddings.LayerNorm.bias");
        assertThat(HuggingFaceCheckpointNames.normalize("pooler.dense.weight")).contains("bert.pooler.dense.weight");
        assertThat(HuggingFaceCheckpointNames.normalize("classifier.weight")).contains("classifier.weight");
        assertThat(HuggingFaceCheckpointNames.normalize("cls.predictions.transform.LayerNorm.gamma"))
                .contains("cls.predictions.transform.LayerNorm.weight");
        assertThat(HuggingFaceCheckpointNames.normalize("cls.predictions.decoder.bias"))
                .contains("cls.predictions.bias");
        assertThat(HuggingFaceCheckpointNames.normalize("bert.embeddings.position_ids")).isEmpty();
        assertThat(HuggingFaceCheckpointNames.normalize("embeddings.position_ids")).isEmpty();
        assertThat(HuggingFaceCheckpointNames.normalize("cls.predictions.decoder.weight")).isEmpty();
        assertThat(HuggingFaceCheckpointNames.normalize("cls.seq_relationship.weight")).isEmpty();
    }

    @Test
    void tiedCopiesCollapseButConflictingOnesFail() {
        Map<String, NamedTensor> tied = new LinkedHashMap<>();
        tied.put("cls.predictions.bias", new NamedTensor("cls.predictions.bias", new long[] {2}, new float[] {1, 2}));
        tied.put("cls.predictions.decoder.bias",
                new NamedTensor("cls.predictions.decoder.bias", new long[] {2}, new float[] {1, 2}));
        assertThat(HuggingFaceCheckpointNames.normalizeAll(tied)).containsOnlyKeys("cls.predictions.bias");
        tied.put("cls.predictions.decoder.bias",
                new NamedTensor("cls.predictions.decoder.bias", new long[] {2}, new float[] {1, 3}));
        assertThatThrownBy(() -> HuggingFaceCheckpointNames.normalizeAll(tied))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cls.predictions.decoder.bias")
                .hasMessageContaining("different values");
    }

    @Test
    void googleWeightsSurviveASafetensorsRoundTrip(@TempDir Path temp) throws IOException {
        Map<String, NamedTensor> google = GoogleBertCheckpoint.open(WeightFixtures.resource("tiny-google-bert"))
                .loadWeights();
        Path file = temp.resolve("model.safetensors");
        SafetensorsWriter.write(file, google.values());
        assertThat(HuggingFaceCheckpoint.loadWeights(file)).isEqualTo(google);
    }

    @Test
    void anIncompleteCheckpointIsRefusedListingWhatIsMissing(@TempDir Path temp) throws IOException {
        Map<String, NamedTensor> google = new LinkedHashMap<>(GoogleBertCheckpoint.open(
                WeightFixtures.resource("tiny-google-bert")).loadWeights());
        google.remove("bert.encoder.layer.0.attention.self.value.bias");
        google.remove("cls.predictions.transform.dense.weight");
        Path file = temp.resolve("model.safetensors");
        SafetensorsWriter.write(file, google.values());
        assertThatThrownBy(() -> HuggingFaceCheckpoint.loadWeights(file)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("not a complete BERT checkpoint")
                .hasMessageContaining("bert.encoder.layer.0.attention.self.value.bias")
                .hasMessageContaining("cls.predictions.transform.dense.weight");
    }
}
