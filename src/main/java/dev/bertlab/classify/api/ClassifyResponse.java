package dev.bertlab.classify.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bertlab.classify.ClassificationResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The labels of the texts, in the order they were sent.
 *
 * @param model the id of the model that labelled them (a run id)
 * @param modelName what that model is
 * @param labels the model's classes
 * @param results one per text
 * @param millis time to tokenize and classify all texts
 */
@Schema(description = "One result per text, in the order sent")
public record ClassifyResponse(
        @Schema(description = "The id of the model used (a run id)", example = "12") String model,
        @Schema(description = "What the model is", example = "Run 12 · imdb-minilm (imdb, test accuracy 0.828)")
        String modelName,
        @Schema(description = "The model's classes", example = "[\"negative\", \"positive\"]") List<String> labels,
        List<Result> results,
        @Schema(description = "Milliseconds to tokenize and classify the texts", example = "31.4") double millis) {

    /**
     * One text's label.
     *
     * @param label the most probable class
     * @param probabilities per class; they sum to 1
     * @param truncated whether part of the text was not read
     * @param tokens tokens the model read
     * @param notice what was cut, when something was
     */
    @Schema(description = "One text's label and class probabilities")
    public record Result(
            @Schema(description = "The most probable class", example = "positive") String label,
            @Schema(description = "Probability per class, summing to 1",
                    example = "{\"negative\": 0.04, \"positive\": 0.96}") Map<String, Double> probabilities,
            @Schema(description = "Whether part of the text was not read (too long for the model)") boolean truncated,
            @Schema(description = "Tokens the model read", example = "17") int tokens,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "What was cut and why; absent when the whole text was read") String notice) {
    }

    static ClassifyResponse of(ClassificationResult result) {
        return new ClassifyResponse(result.model().id(), result.model().title(), result.labels(),
                result.texts().stream().map(text -> new Result(text.label(), text.probabilities(), text.truncated(),
                        text.tokens(), text.notice())).toList(), result.millis());
    }
}
