package dev.bertlab.experiment;

/** A request named an experiment that does not exist. */
public class ExperimentNotFoundException extends IllegalArgumentException {

    public ExperimentNotFoundException(long id) {
        super("no experiment " + id);
    }
}
