package dev.bertlab.run;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisListener;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;
import java.util.Locale;
import java.util.Map;

/**
 * Passes what the engine reports on to the live pages, and into the run's activity log. Progress goes out at
 * most four times a second (a tiny model steps faster than a browser wants to redraw), the last step always.
 */
final class RunEventForwarder implements TrainingEventListener, DiagnosisListener {

    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final TrainingRun run;
    private final RunEvents events;
    private final RunActivityLog activity;
    private long lastProgress;

    RunEventForwarder(TrainingRun run, RunEvents events, RunActivityLog activity) {
        this.run = run;
        this.events = events;
        this.activity = activity;
    }

    @Override
    public void onStarted(TrainingEvents.Started started) {
        activity.append(run, String.format(Locale.ROOT, "training: %d examples%s, %d steps per epoch, %d steps%s",
                started.trainExamples(), started.augmentedExamples() > 0
                        ? " (" + started.augmentedExamples() + " of them augmented copies)" : "",
                started.stepsPerEpoch(), started.totalSteps(),
                started.resumedFromStep() > 0 ? ", resuming after step " + started.resumedFromStep() : ""));
    }

    @Override
    public void onStep(TrainingEvents.StepLogged step) {
        events.publish(new RunEvent.TrainLine(run.getId(), step));
        activity.append(run, String.format(Locale.ROOT, "step %d  epoch %.2f  loss %.4f  lr %.2e  grad norm %.3f  "
                        + "%.1f samples/s", step.step(), step.epoch(), step.loss(), step.learningRate(),
                step.gradNorm(), step.samplesPerSecond()));
    }

    @Override
    public void onEvaluation(TrainingEvents.Evaluated evaluation) {
        events.publish(new RunEvent.Evaluation(run.getId(), evaluation));
        activity.append(run, "validation at step " + evaluation.step() + ": " + format(evaluation.metrics())
                + (evaluation.best() ? " (best)" : ""));
    }

    @Override
    public void onProgress(TrainingEvents.Progress progress) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS || progress.step() == progress.totalSteps()) {
            lastProgress = now;
            events.publish(new RunEvent.Progress(run.getId(), progress.step(), progress.totalSteps(),
                    progress.epoch(), progress.epochs(), progress.etaSeconds()));
        }
    }

    @Override
    public void onNotice(TrainingEvents.Notice notice) {
        activity.append(run, "[" + notice.kind() + "] " + notice.message());
    }

    /** The engine has already written the diagnosis into the run's log; the pages hear of it here. */
    @Override
    public void onDiagnosis(Diagnosis diagnosis) {
        events.publish(new RunEvent.Diagnosed(run.getId(), diagnosis));
    }

    static String format(Map<String, Double> metrics) {
        StringBuilder text = new StringBuilder();
        metrics.forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                text.append(text.length() == 0 ? "" : ", ")
                        .append(name).append(' ').append(String.format(Locale.ROOT, "%.4f", value));
            }
        });
        return text.toString();
    }
}
