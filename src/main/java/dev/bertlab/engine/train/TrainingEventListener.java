package dev.bertlab.engine.train;

/**
 * Receives what a run reports: logs, curves, progress bars and the dashboard's live view are all listeners.
 * Called on the training thread; keep the work short or hand it off. Not DJL's
 * {@code ai.djl.training.listener.TrainingListener}: this one hears the run's own events.
 */
public interface TrainingEventListener {

    default void onStarted(TrainingEvents.Started started) {
    }

    default void onStep(TrainingEvents.StepLogged step) {
    }

    default void onEvaluation(TrainingEvents.Evaluated evaluation) {
    }

    default void onProgress(TrainingEvents.Progress progress) {
    }

    default void onNotice(TrainingEvents.Notice notice) {
    }
}
