package dev.bertlab.classify;

import dev.bertlab.engine.tokenize.Truncation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * A finished run whose fine-tuned model can label texts.
 *
 * @param runId the run; also the model's id in the REST API
 * @param experiment the name of the run's experiment
 * @param dataset what it was trained on
 * @param baseModel what it was fine-tuned from
 * @param finishedAt when training finished
 * @param testAccuracy accuracy on the test split, or null when the run had none
 * @param directory the model in Hugging Face's layout
 * @param truncation how the run cut long texts (the classifier cuts them the same way)
 * @param int8 served from its int8 graph (an admin's choice for the demo, once its accuracy was checked)
 */
public record ClassifiableModel(long runId, String experiment, String dataset, String baseModel, Instant finishedAt,
        Double testAccuracy, Path directory, Truncation truncation, boolean int8) {

    public ClassifiableModel(long runId, String experiment, String dataset, String baseModel, Instant finishedAt,
            Double testAccuracy, Path directory, Truncation truncation) {
        this(runId, experiment, dataset, baseModel, finishedAt, testAccuracy, directory, truncation, false);
    }

    /** The same model served from its int8 graph. */
    public ClassifiableModel inInt8() {
        return new ClassifiableModel(runId, experiment, dataset, baseModel, finishedAt, testAccuracy, directory,
                truncation, true);
    }

    public String id() {
        return Long.toString(runId);
    }

    /** "Run 12 · imdb-minilm (imdb, test accuracy 0.83)". */
    public String title() {
        String scores = testAccuracy == null ? "" : String.format(Locale.ROOT, ", test accuracy %.3f", testAccuracy);
        return "Run " + runId + " · " + experiment + " (" + dataset + scores + (int8 ? ", int8" : "") + ")";
    }
}
