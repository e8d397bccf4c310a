package dev.bertlab.experiment.api;

import dev.bertlab.experiment.Experiment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** An experiment as the API shows it: its settings and every hyperparameter in the form's words. */
@Schema(description = "An experiment")
public record ExperimentDescription(
        long id, String name, String dataset, String baseModel, Integer subsetTrain, Integer subsetValidation,
        Integer subsetTest, String device, String tags, String notes,
        @Schema(description = "The experiment it refines, if any") Long parentId,
        @Schema(description = "initial, debugged or refined") String stage,
        @Schema(description = "What changed from the parent, and why") String changeNote,
        String createdBy, Instant createdAt,
        @Schema(description = "Every hyperparameter, snake_case name to its text") Map<String, String> hyperparameters) {

    static ExperimentDescription of(Experiment experiment) {
        return new ExperimentDescription(experiment.getId(), experiment.getName(), experiment.getDataset(),
                experiment.getBaseModel(), experiment.getSubsetTrain(), experiment.getSubsetValidation(),
                experiment.getSubsetTest(), experiment.getDevice(), experiment.getTags(), experiment.getNotes(),
                experiment.getParentId(), experiment.getStage().name().toLowerCase(java.util.Locale.ROOT),
                experiment.getChangeNote(), experiment.getCreatedBy(), experiment.getCreatedAt(),
                experiment.getHyperparameters().asTexts());
    }
}
