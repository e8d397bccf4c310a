package dev.bertlab.run;

/** No run has this id. */
public class RunNotFoundException extends IllegalArgumentException {

    public RunNotFoundException(long runId) {
        super("no run " + runId);
    }
}
