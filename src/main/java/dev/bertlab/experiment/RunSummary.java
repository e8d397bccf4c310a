package dev.bertlab.experiment;

import java.time.Instant;

/**
 * One run of an experiment as the experiment pages show it, handed over by {@link ExperimentRuns}.
 *
 * @param id the run, for the links to its page and to the comparison
 * @param status its state as the run feature names it ({@code QUEUED}, {@code DIVERGED}, ...), shown as it is
 * @param outcome what that state means here
 * @param queuedAt when it joined the queue, or null
 * @param finishedAt when it ended, or null while it has not
 * @param testAccuracy accuracy on the test split, or null when it has none
 * @param reason why it ended as it did, or null
 */
public record RunSummary(long id, String status, RunOutcome outcome, Instant queuedAt, Instant finishedAt,
        Double testAccuracy, String reason) {
}
