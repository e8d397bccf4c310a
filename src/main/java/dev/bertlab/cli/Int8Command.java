package dev.bertlab.cli;

import dev.bertlab.engine.onnx.Int8Check;
import dev.bertlab.engine.onnx.Int8Report;
import dev.bertlab.engine.run.RunDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "int8", mixinStandardHelpOptions = true,
        description = "Write the int8 graph of a finished run's model (model.int8.onnx) and measure it on the run's "
                + "own test split against the float model's predictions.")
final class Int8Command implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "a finished run's directory (the one holding run_config.yaml, predictions_test.csv, model/)")
    Path run;

    @Override
    public Integer call() throws Exception {
        System.err.println("writing the int8 graph and running the test split through it ...");
        long start = System.nanoTime();
        Int8Report report = Int8Check.measureRun(new RunDirectory(run), data.models(), data.datasets(), done -> {
            if (done % 500 == 0) {
                System.err.println("  " + done + " test examples");
            }
        });
        System.err.printf(java.util.Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        System.out.println(report.summary());
        System.out.println(report.offered() ? "offered for serving (it loses at most " + Int8Report.MAX_LOSS_POINTS
                + " points)" : "not offered: it loses more than " + Int8Report.MAX_LOSS_POINTS + " points");
        return 0;
    }
}
