package dev.bertlab.classify;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.TestModels;
import dev.bertlab.engine.run.FineTuneRun;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.train.Hyperparameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real fine-tuned sentiment classifier made in about 20 seconds: MiniLM trained for six steps on 96 Amazon
 * review sentences through the engine. Made once per build (kept under target/) and shared by the tests.
 */
public final class TinySentimentModel {

    private static final Path ROOT = Path.of("target", "classify-fixture").toAbsolutePath();

    private TinySentimentModel() {
    }

    /** The run directory; its {@code model/} holds the classifier. */
    public static synchronized RunDirectory runDirectory() {
        RunDirectory directory = new RunDirectory(ROOT.resolve("amazon-tiny"));
        if (Files.isRegularFile(directory.model().resolve("config.json"))) {
            return directory;
        }
        try {
            if (Files.exists(directory.root())) {
                org.apache.commons.io.file.PathUtils.deleteDirectory(directory.root());
            }
            Hyperparameters hp = Hyperparameters.builder().learningRate(1e-4).batchSize(16).epochs(1).maxLength(64)
                    .evalStrategy(Hyperparameters.EvalStrategy.NO).saveStrategy(Hyperparameters.SaveStrategy.NO)
                    .loadBestModelAtEnd(false).build();
            RunConfig config = new RunConfig("amazon-tiny", "amazon", new RunConfig.SubsetSizes(96, 16, 16), null,
                    "all-MiniLM-L6-v2", directory.root().toString(), "cpu", 0, hp);
            new FineTuneRun(DatasetCatalog.open(TestModels.dataDirectory()), TestModels.registry(), ROOT)
                    .execute(config, List.of(), line -> System.out.println("[tiny model] " + line), () -> false, false);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the whole run (config, predictions, model), for tests that write into it. */
    public static synchronized RunDirectory copyRun(String name) {
        RunDirectory original = runDirectory();
        RunDirectory copy = new RunDirectory(ROOT.resolve(name));
        try {
            if (Files.exists(copy.root())) {
                org.apache.commons.io.file.PathUtils.deleteDirectory(copy.root());
            }
            org.apache.commons.io.FileUtils.copyDirectory(original.root().toFile(), copy.root().toFile());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the model in its own run directory, for tests that need several distinct models. */
    public static synchronized RunDirectory copy(String name) {
        RunDirectory original = runDirectory();
        RunDirectory copy = new RunDirectory(ROOT.resolve(name));
        try {
            if (!Files.isRegularFile(copy.model().resolve("config.json"))) {
                org.apache.commons.io.FileUtils.copyDirectory(original.model().toFile(), copy.model().toFile());
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
