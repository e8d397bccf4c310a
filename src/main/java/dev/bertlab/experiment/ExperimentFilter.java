package dev.bertlab.experiment;

import java.util.Locale;

/**
 * What the experiment list is narrowed to; a null or blank part does not narrow.
 *
 * @param text words in the name or the notes (case-insensitive)
 * @param tag one tag the experiment carries
 * @param latestStatus the status of the newest run, or {@link #NOT_RUN} for experiments without runs
 * @param dataset the dataset name
 * @param baseModel the base model
 */
public record ExperimentFilter(String text, String tag, String latestStatus, String dataset, String baseModel) {

    /** {@link #latestStatus()} for experiments that were never run. */
    public static final String NOT_RUN = "NOT_RUN";

    public static ExperimentFilter none() {
        return new ExperimentFilter(null, null, null, null, null);
    }

    public boolean matches(ExperimentOverview overview) {
        Experiment experiment = overview.experiment();
        return matchesText(experiment)
                && (blank(tag) || experiment.tagList().stream().anyMatch(t -> t.equalsIgnoreCase(tag.strip())))
                && (blank(latestStatus) || latestStatus.equals(overview.latestStatus().orElse(NOT_RUN)))
                && (blank(dataset) || dataset.equals(experiment.getDataset()))
                && (blank(baseModel) || baseModel.equals(experiment.getBaseModel()));
    }

    private boolean matchesText(Experiment experiment) {
        if (blank(text)) {
            return true;
        }
        String haystack = (experiment.getName() + "\n" + (experiment.getNotes() == null ? "" : experiment.getNotes())
                + "\n" + (experiment.getChangeNote() == null ? "" : experiment.getChangeNote()))
                .toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
