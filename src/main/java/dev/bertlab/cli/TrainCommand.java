package dev.bertlab.cli;

import dev.bertlab.engine.run.FineTuneRun;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunResult;
import dev.bertlab.engine.train.TrainingOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fine-tune a base model on a dataset as a config file describes. Ctrl+C stops at the next "
                + "step and keeps a checkpoint; run again with --resume to continue.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    RunFileOptions run;

    @Option(names = "--output", paramLabel = "DIR", description = "run directory (overrides the config's output)")
    Path output;

    @Override
    public Integer call() throws Exception {
        RunConfig runConfig = RunConfig.read(run.config);
        if (output != null) {
            runConfig = runConfig.withOutput(output.toString());
        }
        System.out.println("run " + runConfig.name() + ": " + runConfig.baseModel() + " on " + runConfig.dataset()
                + "; " + runConfig.hyperparameters());
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            System.out.println(System.lineSeparator() + "stopping after the current step...");
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            FineTuneRun engine = new FineTuneRun(data.datasets(), data.models(), data.runs());
            RunResult result = engine.execute(runConfig, List.of(new ProgressLine(System.out, System.console() != null)),
                    line -> System.out.println(line), cancel::get, run.resume);
            return report(result);
        } finally {
            finished.countDown();
            if (!cancel.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private static int report(RunResult result) {
        TrainingOutcome outcome = result.outcome();
        System.out.printf(Locale.ROOT, "%s: %s (%d/%d steps, %.0f s of training)%n", outcome.reason(),
                outcome.message(), outcome.steps(), outcome.totalSteps(), outcome.trainSeconds());
        if (result.test() != null) {
            System.out.println("test metrics: " + result.directory().metrics("test"));
        }
        if (outcome.finishedTraining()) {
            System.out.println("model: " + result.directory().model());
        }
        return switch (outcome.reason()) {
            case COMPLETED, EARLY_STOPPED -> 0;
            case DIVERGED -> BertLabCli.EXIT_DIVERGED;
            case CANCELLED -> BertLabCli.EXIT_CANCELLED;
        };
    }
}
