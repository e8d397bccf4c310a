package dev.bertlab.experiment;

/** Where an experiment stands in its family: the first try, a fix of a diagnosed problem, or a refinement. */
public enum ExperimentStage {
    INITIAL, DEBUGGED, REFINED
}
