package dev.bertlab.run;

import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;

/**
 * Writes a run's progress into its row: at most once a second, and at once on evaluations and on the last step,
 * so a page opened later (or a list) shows where it is without hammering the database.
 */
final class ProgressRecorder implements TrainingEventListener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProgressRecorder.class);

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final long runId;
    private final TrainingRunRepository runs;
    private final int epochs;
    private TrainingEvents.Progress latest;
    private long lastWrite;
    private boolean unwritten;

    ProgressRecorder(long runId, TrainingRunRepository runs, int epochs) {
        this.runId = runId;
        this.runs = runs;
        this.epochs = epochs;
    }

    @Override
    public void onStarted(TrainingEvents.Started started) {
        int stepsPerEpoch = Math.max(1, started.stepsPerEpoch());
        latest = new TrainingEvents.Progress(started.resumedFromStep(), started.totalSteps(),
                Math.min(epochs, started.resumedFromStep() / stepsPerEpoch + 1), epochs, Double.NaN);
        write();
    }

    @Override
    public void onProgress(TrainingEvents.Progress progress) {
        latest = progress;
        unwritten = true;
        if (System.nanoTime() - lastWrite >= INTERVAL_NANOS || progress.step() == progress.totalSteps()) {
            write();
        }
    }

    @Override
    public void onEvaluation(TrainingEvents.Evaluated evaluation) {
        if (unwritten) {
            write();
        }
    }

    private void write() {
        TrainingEvents.Progress p = latest;
        lastWrite = System.nanoTime();
        try {
            runs.recordProgress(runId, p.step(), p.totalSteps(), p.epoch(), p.epochs(),
                    Double.isFinite(p.etaSeconds()) ? p.etaSeconds() : null);
            unwritten = false;
        } catch (RuntimeException e) {
            // a missed progress write must not stop the training; the next one catches up
            LOG.warn("cannot record the progress of run {}: {}", runId, e.getMessage());
        }
    }
}
