package dev.bertlab.cli;

import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.significance.BootstrapDifference;
import dev.bertlab.engine.significance.McNemarResult;
import dev.bertlab.engine.significance.PairedBootstrap;
import dev.bertlab.engine.significance.RunDifference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Whether run B's test predictions are really better than run A's: the compare page's verdict, in a terminal. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Is the difference real? Paired bootstrap intervals of accuracy and F1 and McNemar's test "
                + "for two runs evaluated on the same test set.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "the first run: its directory or its predictions CSV")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "the second run: its directory or its predictions CSV")
    Path b;

    @Option(names = "--resamples", defaultValue = "2000", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
    int resamples;

    @Override
    public Integer call() throws IOException {
        RunDifference difference = RunDifference.compute("A", predictions(a), "B", predictions(b),
                new PairedBootstrap(resamples, PairedBootstrap.DEFAULT_SEED));
        System.out.println(difference.plainVerdict());
        print(difference.bootstrap().accuracy());
        print(difference.bootstrap().f1());
        McNemarResult mcNemar = difference.mcNemar();
        System.out.printf(Locale.ROOT, "McNemar (%s): only A right %d, only B right %d, both right %d, both wrong "
                + "%d, p = %.4f%n", mcNemar.method().name().toLowerCase(Locale.ROOT), mcNemar.onlyARight(),
                mcNemar.onlyBRight(), mcNemar.bothRight(), mcNemar.bothWrong(), mcNemar.pValue());
        return 0;
    }

    private static void print(BootstrapDifference difference) {
        System.out.printf(Locale.ROOT, "%s: A %.4f, B %.4f, B - A %+.4f, 95%% CI [%+.4f, %+.4f]%n",
                difference.metric(), difference.scoreA(), difference.scoreB(), difference.difference(),
                difference.lower(), difference.upper());
    }

    private static PredictionSet predictions(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? new RunDirectory(path).predictions("test") : path;
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist: give a run directory with test predictions, or a "
                    + "predictions CSV");
        }
        return PredictionsCsv.read(file);
    }
}
