package dev.bertlab.cli;

import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * A progress line with ETA for the terminal: redrawn in place on a console, one line per 5% (or minute) when the
 * output goes to a file (an overnight log stays readable).
 */
final class ProgressLine implements TrainingEventListener {

    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean console;
    private TrainingEvents.StepLogged lastLog;
    private int lastPrintedBucket = -1;
    private long lastPrintedAt;

    ProgressLine(PrintStream out, boolean console) {
        this.out = out;
        this.console = console;
    }

    @Override
    public void onStarted(TrainingEvents.Started started) {
        out.printf(Locale.ROOT, "training: %d examples, %d steps per epoch, %d steps%s%n", started.trainExamples(),
                started.stepsPerEpoch(), started.totalSteps(),
                started.resumedFromStep() > 0 ? ", resuming after step " + started.resumedFromStep() : "");
    }

    @Override
    public void onStep(TrainingEvents.StepLogged step) {
        lastLog = step;
    }

    @Override
    public void onProgress(TrainingEvents.Progress progress) {
        int percent = (int) Math.floor(progress.fraction() * 100);
        long now = System.nanoTime();
        boolean finished = progress.step() == progress.totalSteps();
        int bucket = percent / 5;
        if (!console && !finished && bucket == lastPrintedBucket && now - lastPrintedAt < 60_000_000_000L) {
            return;
        }
        lastPrintedBucket = bucket;
        lastPrintedAt = now;
        int filled = (int) Math.round(progress.fraction() * BAR);
        String line = String.format(Locale.ROOT, "step %d/%d [%s%s] %3d%% epoch %d/%d%s ETA %s",
                progress.step(), progress.totalSteps(), "#".repeat(filled), ".".repeat(BAR - filled), percent,
                progress.epoch(), progress.epochs(), lastLog == null ? "" : String.format(Locale.ROOT,
                        " loss %.4f lr %.2e %.1f samples/s", lastLog.loss(), lastLog.learningRate(),
                        lastLog.samplesPerSecond()), duration(progress.etaSeconds()));
        if (console) {
            out.print("\r" + line + (finished ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void onEvaluation(TrainingEvents.Evaluated evaluation) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Double> metric : evaluation.metrics().entrySet()) {
            if (metric.getKey().matches("loss|accuracy|f1|f1_macro|mse|r2")) {
                text.append(String.format(Locale.ROOT, " %s %.4f", metric.getKey(), metric.getValue()));
            }
        }
        out.printf(Locale.ROOT, "%svalidation at step %d:%s%s%n", console ? "\r" : "", evaluation.step(), text,
                evaluation.best() ? " (best)" : "");
    }

    @Override
    public void onNotice(TrainingEvents.Notice notice) {
        if (!notice.kind().equals("checkpoint")) {
            out.printf("%s[%s] %s%n", console ? "\r" : "", notice.kind(), notice.message());
        }
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long total = Math.round(seconds);
        return total >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
                : String.format(Locale.ROOT, "%02d:%02d", total / 60, total % 60);
    }
}
