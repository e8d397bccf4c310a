package dev.bertlab.classify.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What to classify and with which model.
 *
 * @param texts the texts, each labelled on its own
 * @param model a finished run's id, "demo", or nothing for the demo model
 */
@Schema(description = "Texts to label and the model to label them with")
public record ClassifyRequest(
        @ArraySchema(arraySchema = @Schema(description = "The texts to classify (1 to 64; none empty). A text over "
                + "100,000 characters is cut, and the model reads its first max-length tokens; the result says so.",
                requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(example = "A wonderful film: sharp writing and a cast at its best."),
                minItems = 1, maxItems = 64)
        List<String> texts,
        @Schema(description = "A finished run's id (GET /api/v1/models lists them), or \"demo\" for the model an "
                + "admin promoted to the demo; omitted: the demo model", example = "demo")
        String model) {
}
