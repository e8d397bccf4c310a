package dev.bertlab.experiment.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * An experiment as a script defines it. Hyperparameters use the form's snake_case names; those left out keep their
 * defaults. Keys it does not know land in {@code unknownKeys}, to be refused by name.
 */
@Schema(description = "An experiment to create; hyperparameters left out keep their defaults")
public record ExperimentRequest(
        @Schema(example = "imdb minilm, nightly", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "imdb", requiredMode = Schema.RequiredMode.REQUIRED) String dataset,
        @Schema(example = "all-MiniLM-L6-v2", requiredMode = Schema.RequiredMode.REQUIRED) String baseModel,
        @Schema(description = "Train examples (a seeded, stratified subset); absent: the whole split", example = "2000")
        Integer subsetTrain,
        @Schema(example = "200") Integer subsetValidation,
        @Schema(example = "500") Integer subsetTest,
        @Schema(description = "auto, cpu, cuda or cuda:N", example = "auto") String device,
        @Schema(description = "Comma-separated", example = "imdb, nightly") String tags,
        @Schema(description = "The hypothesis this experiment tests") String notes,
        @Schema(description = "snake_case name to value, as on the form",
                example = "{\"learning_rate\": 5e-5, \"batch_size\": 16, \"epochs\": 2, \"max_length\": 128}")
        Map<String, Object> hyperparameters,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> unknownKeys) {
}
