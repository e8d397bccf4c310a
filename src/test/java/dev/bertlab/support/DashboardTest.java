package dev.bertlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data directory and H2 database per test class, sharing the model archives and the npm cache of the
 * project's data directory (so nothing is fetched twice). Classes that need no settings of their own use
 * {@link DashboardApplicationTest} instead: one application for all of them.
 */
public final class DashboardTest {

    private DashboardTest() {
    }

    public static boolean onPostgreSql() {
        return "postgresql".equals(System.getProperty("bertlab.test.database"));
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

    /**
     * The test class's application on its data directory and a fresh database: H2 in that directory, or, when the
     * tests run with {@code -Dbertlab.test.database=postgresql} (the {@code postgresql} execution in the pom), a new
     * database on a PostgreSQL server shared by the test JVM, so that the same tests show both databases work.
     * Classes that need nothing more than that use {@link DashboardApplicationTest} and share one application.
     */
    public static void register(DynamicPropertyRegistry registry, Path data) {
        properties(data).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The settings {@link #register} adds: the data directory, a new database, the first admin's password. */
    static java.util.Map<String, Object> properties(Path data) {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("bertlab.data", data.toString());
        if (onPostgreSql()) {
            properties.put("spring.datasource.url", TestPostgres.shared().newDatabase(data.getFileName().toString()
                    .replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT) + "_" + System.nanoTime()));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("bertlab") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        properties.put("bertlab.admin-password", "admin-password");
        properties.put("bertlab.quickstart", "false");
        return properties;
    }
}
