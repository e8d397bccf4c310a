package dev.bertlab.engine.data;

import java.nio.file.Path;

/** The data directory the tests share: {@code -Dbertlab.data} (the build sets it), else {@code data/}. */
public final class TestDataDir {

    private TestDataDir() {
    }

    public static Path path() {
        return Path.of(System.getProperty("bertlab.data", "data"));
    }

    /** Where the tests cache npm tarballs, so the 25 MB IMDb package is fetched once per machine. */
    public static Path npmCache() {
        return path().resolve("cache").resolve("npm");
    }
}
