package dev.bertlab.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for a test class (its binaries come from a Maven artifact), each database made fresh.
 * The class registers {@link StoppedAfterTheApplication} before {@code @SpringBootTest}: the server stops after the
 * class's application, which still writes to it as it stops.
 */
public final class TestPostgres implements AutoCloseable {

    private static final List<TestPostgres> STARTED = new CopyOnWriteArrayList<>();

    /** Stops the servers started for the class once everything else of it has ended. */
    public static final class StoppedAfterTheApplication implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            for (TestPostgres server : STARTED) {
                server.close();
                STARTED.remove(server);
            }
        }
    }

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    private static TestPostgres shared;

    /**
     * One server for all the test classes of this JVM that ask ({@link DashboardTest#register} on PostgreSQL),
     * stopped when the JVM exits.
     */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                shared = new TestPostgres(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
            TestPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        }
        return shared;
    }

    public static TestPostgres start() {
        try {
            TestPostgres started = new TestPostgres(EmbeddedPostgres.builder().start());
            STARTED.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** A new, empty database on this server. */
    public String newDatabase(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /** Points a dashboard test at a new database of this server instead of H2. */
    public void register(DynamicPropertyRegistry registry, String database) {
        String url = newDatabase(database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
