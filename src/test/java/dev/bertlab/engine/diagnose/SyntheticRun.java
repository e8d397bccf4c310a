package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.TrainingEvents;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Builds a training history from curves given as functions of the step: the test's run, without a model. */
final class SyntheticRun {

    static final int STEPS_PER_EPOCH = 100;

    private final TrainingHistory history = new TrainingHistory();

    static SyntheticRun of(int totalSteps) {
        SyntheticRun run = new SyntheticRun();
        run.history.started(new TrainingEvents.Started(totalSteps, STEPS_PER_EPOCH, 0, STEPS_PER_EPOCH * 16));
        return run;
    }

    /** Log lines every {@code every} steps up to {@code to}, with a constant rate, gradient norm and throughput. */
    SyntheticRun logs(int from, int to, int every, IntToDoubleFunction loss) {
        return logs(from, to, every, loss, step -> 1.0, step -> 2e-5);
    }

    SyntheticRun logs(int from, int to, int every, IntToDoubleFunction loss, IntToDoubleFunction gradNorm,
            IntToDoubleFunction rate) {
        for (int step = from; step <= to; step += every) {
            log(step, loss.applyAsDouble(step), gradNorm.applyAsDouble(step), rate.applyAsDouble(step), 100, 0.1);
        }
        return this;
    }

    SyntheticRun log(int step, double loss, double gradNorm, double rate, double samplesPerSecond,
            double paddingShare) {
        history.add(new TrainingEvents.StepLogged(step, (double) step / STEPS_PER_EPOCH, loss, rate, gradNorm,
                samplesPerSecond, samplesPerSecond * 100, paddingShare, step * 0.1));
        return this;
    }

    SyntheticRun evaluation(int step, double loss, double accuracy) {
        history.add(new TrainingEvents.Evaluated(step, (double) step / STEPS_PER_EPOCH,
                Map.of("loss", loss, "accuracy", accuracy), false));
        return this;
    }

    SyntheticRun evaluation(int step, Map<String, Double> metrics) {
        history.add(new TrainingEvents.Evaluated(step, (double) step / STEPS_PER_EPOCH, metrics, false));
        return this;
    }

    SyntheticRun notice(int step, String kind, String message) {
        history.add(new TrainingEvents.Notice(step, kind, message));
        return this;
    }

    TrainingHistory history() {
        return history;
    }

    /** A healthy run: the loss falls from ln 2 towards 0.2 with batch noise, validation loss falls and levels. */
    static SyntheticRun healthy(int totalSteps) {
        SyntheticRun run = of(totalSteps);
        java.util.Random noise = new java.util.Random(7);
        for (int step = 10; step <= totalSteps; step += 10) {
            double loss = 0.2 + 0.49 * Math.exp(-step / 150.0) + 0.03 * noise.nextGaussian();
            double rate = 2e-5 * Math.min(1.0, step / (0.1 * totalSteps)) ;
            run.log(step, loss, 2.0 + 0.5 * noise.nextGaussian(), rate, 100 + 5 * noise.nextGaussian(), 0.1);
            if (step % 100 == 0) {
                double validation = 0.3 + 0.4 * Math.exp(-step / 150.0);
                run.evaluation(step, validation, 0.95 - 0.4 * Math.exp(-step / 150.0));
            }
        }
        return run;
    }
}
