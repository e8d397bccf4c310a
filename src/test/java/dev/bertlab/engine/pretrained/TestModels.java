package dev.bertlab.engine.pretrained;

import java.nio.file.Path;

/** The registry over the project's data directory, where the build put the model archives. */
public final class TestModels {

    private TestModels() {
    }

    public static Path dataDirectory() {
        return Path.of(System.getProperty("bertlab.data", "data"));
    }

    public static ModelRegistry registry() {
        return ModelRegistry.inDataDirectory(dataDirectory());
    }
}
