package dev.bertlab.run;

/** The life of a run. QUEUED and RUNNING are live; the others are final. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, DIVERGED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
