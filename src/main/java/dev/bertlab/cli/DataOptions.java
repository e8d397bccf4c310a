package dev.bertlab.cli;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where BertLab keeps models, datasets and runs; shared by every command. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory (default: $BERTLAB_DATA or ./data)")
    Path data;

    Path directory() {
        if (data != null) {
            return data;
        }
        String fromEnvironment = System.getenv("BERTLAB_DATA");
        return Path.of(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment
                : System.getProperty("bertlab.data", "data"));
    }

    DatasetCatalog datasets() {
        return DatasetCatalog.open(directory());
    }

    ModelRegistry models() {
        return ModelRegistry.inDataDirectory(directory());
    }

    Path runs() {
        return directory().resolve("runs");
    }
}
