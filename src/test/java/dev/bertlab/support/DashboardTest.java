package dev.bertlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data directory and H2 database per test class, sharing the model archives and the npm cache of the
 * project's data directory (so nothing is fetched twice).
 */
public final class DashboardTest {

    private DashboardTest() {
    }

    public static Path newDataDirectory(String name) {
        try {
            Path root = Path.of("target", "dashboard-tests", name).toAbsolutePath();
            if (Files.exists(root)) {
                org.apache.commons.io.file.PathUtils.deleteDirectory(root);
            }
            Files.createDirectories(root.resolve("cache"));
            Path shared = Path.of(System.getProperty("bertlab.data", "data")).toAbsolutePath();
            Files.createDirectories(shared.resolve("cache").resolve("npm"));
            Files.createSymbolicLink(root.resolve("cache").resolve("npm"), shared.resolve("cache").resolve("npm"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void register(DynamicPropertyRegistry registry, Path data) {
        registry.add("bertlab.data", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("bertlab") + ";DB_CLOSE_ON_EXIT=FALSE");
        registry.add("bertlab.admin-password", () -> "admin-password");
        registry.add("bertlab.quickstart", () -> "false");
    }
}
