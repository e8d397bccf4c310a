package dev.bertlab.compare;

/**
 * A finished run as the picker lists it.
 *
 * @param id the run's id
 * @param label run id, experiment and status
 */
public record RunChoice(long id, String label) {
}
