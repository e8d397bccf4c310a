package dev.bertlab.run;

/** The run is not in a state that allows what was asked (resume a run that succeeded, cancel one that ended). */
public class RunStateException extends IllegalStateException {

    public RunStateException(String message) {
        super(message);
    }
}
