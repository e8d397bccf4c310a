package dev.bertlab.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The dashboard as it ships, on a random port, with the admin's password set and the quickstart off: one
 * application, data directory and database ({@link SharedDashboard}) for every test class so annotated, which
 * Spring's test context cache starts once and keeps until the JVM ends. Starting the application (Vaadin, Quartz,
 * H2 or PostgreSQL, the engine) is most of what a small Spring test class costs.
 *
 * <p>A class that uses it shares the database and the data directory with the others: it names what it creates so
 * that no other class's names collide (users, datasets, run directories), counts before and after or filters by its
 * own ids instead of expecting empty tables, and leaves nothing running or queued to run (the context is not closed
 * after the class; {@link NothingLeftRunningExtension} checks). A class that needs settings of its own, changes
 * global settings or expects empty tables keeps {@code @SpringBootTest}, {@code @DirtiesContext} and
 * {@link DashboardTest#register}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("spring")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SharedDashboard.class)
public @interface DashboardApplicationTest {
}
