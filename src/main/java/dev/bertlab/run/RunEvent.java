package dev.bertlab.run;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.train.TrainingEvents;

/** What a run page hears while a run is live. Delivered on the run's thread: listeners hand the work off. */
public sealed interface RunEvent {

    long runId();

    /** After each optimizer step (at most a few per second). */
    record Progress(long runId, int step, int totalSteps, int epoch, int epochs, double etaSeconds)
            implements RunEvent {
    }

    /** A line of the training log: loss, learning rate and throughput at a step. */
    record TrainLine(long runId, TrainingEvents.StepLogged line) implements RunEvent {
    }

    /** An evaluation on the validation split. */
    record Evaluation(long runId, TrainingEvents.Evaluated evaluation) implements RunEvent {
    }

    /** A line of the run's activity log (preparation stages, notices, training lines, state changes). */
    record LogLine(long runId, String text) implements RunEvent {
    }

    /** The debugging assistant found a problem (a curve rule at a step, or the data). */
    record Diagnosed(long runId, Diagnosis diagnosis) implements RunEvent {
    }

    /** The run entered a new state. */
    record StateChanged(long runId, RunStatus status, String reason) implements RunEvent {
    }
}
