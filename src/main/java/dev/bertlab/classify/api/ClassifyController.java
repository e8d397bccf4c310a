package dev.bertlab.classify.api;

import dev.bertlab.classify.ClassifiableModel;
import dev.bertlab.classify.ClassificationService;
import dev.bertlab.security.Role;
import dev.bertlab.web.api.OpenApiDescription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The classifier over HTTP: label texts with a finished run's model or the demo model. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Classify", description = "Label texts with a fine-tuned model")
@SecurityRequirement(name = OpenApiDescription.BEARER)
@RolesAllowed(Role.Names.VIEWER)
public class ClassifyController {

    private final ClassificationService classification;

    public ClassifyController(ClassificationService classification) {
        this.classification = classification;
    }

    @PostMapping(path = "/classify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Classify texts",
            description = "Labels each text with the model named (a finished run's id, or \"demo\"; omitted: the "
                    + "demo model) and returns every class's probability. Loaded models are cached; a request "
                    + "waits briefly when others are computing, and is refused with 429 and Retry-After when too "
                    + "many are.")
    @ApiResponse(responseCode = "200", description = "The labels, one per text")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, no texts, an empty text, or too many texts",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid API token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such model, or no demo model chosen yet",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Too many classifications at once: retry after the seconds "
            + "in the Retry-After header", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ClassifyResponse classify(@RequestBody ClassifyRequest request) {
        return ClassifyResponse.of(classification.classify(request.texts(), request.model()));
    }

    @GetMapping("/models")
    @Operation(summary = "List the models",
            description = "Finished runs whose model can classify, newest first; the demo model is marked.")
    @ApiResponse(responseCode = "200", description = "The models",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ModelDescription.class))))
    @ApiResponse(responseCode = "401", description = "No valid API token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public List<ModelDescription> models() {
        Optional<Long> demo = classification.demoModel().map(ClassifiableModel::runId);
        return classification.models().stream()
                .map(model -> ModelDescription.of(model, demo.isPresent() && demo.get() == model.runId()))
                .toList();
    }
}
