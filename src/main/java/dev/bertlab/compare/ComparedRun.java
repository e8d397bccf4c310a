package dev.bertlab.compare;

import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.run.TrainingRun;

/**
 * One run of a comparison with what its files hold.
 *
 * @param run the run
 * @param experimentName its experiment's name
 * @param log its training log (empty when there is none)
 * @param testMetrics its test metrics file, or null (regression, or not written)
 * @param problem why some files could not be read, or null
 */
public record ComparedRun(TrainingRun run, String experimentName, TrainingLogReader.Log log,
        ClassificationMetrics testMetrics, String problem) {

    /** How charts and columns name the run: {@code #12 imdb-minilm}. */
    public String label() {
        return "#" + run.getId() + " " + experimentName;
    }
}
