package dev.bertlab.classify.api;

import dev.bertlab.classify.ClassifiableModel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A model one can classify with.
 *
 * @param id what to pass as "model"
 * @param name a readable title
 * @param experiment the experiment the run belongs to
 * @param dataset what it was trained on
 * @param baseModel what it was fine-tuned from
 * @param finishedAt when training finished
 * @param testAccuracy accuracy on the test split, when there was one
 * @param demo whether this is the demo model
 */
@Schema(description = "A finished run's model")
public record ModelDescription(
        @Schema(description = "The value for \"model\" in a classify request", example = "12") String id,
        @Schema(example = "Run 12 · imdb-minilm (imdb, test accuracy 0.828)") String name,
        @Schema(example = "imdb-minilm") String experiment,
        @Schema(example = "imdb") String dataset,
        @Schema(example = "all-MiniLM-L6-v2") String baseModel,
        Instant finishedAt,
        @Schema(example = "0.828") Double testAccuracy,
        @Schema(description = "Whether this is the demo model (\"model\": \"demo\")") boolean demo) {

    static ModelDescription of(ClassifiableModel model, boolean demo) {
        return new ModelDescription(model.id(), model.title(), model.experiment(), model.dataset(), model.baseModel(),
                model.finishedAt(), model.testAccuracy(), demo);
    }
}
