package dev.bertlab.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * The data directory, database and settings of the application that the {@link DashboardApplicationTest} classes
 * share, and what of it keeps running between those classes (its Quartz threads), which
 * {@link NothingLeftRunningExtension} does not count as a leak.
 */
public final class SharedDashboard implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Path data;
    private static Map<String, Object> properties;
    private static volatile Set<Thread> lastingThreads = Set.of();

    /** The shared data directory, made empty the first time it is asked for in this JVM. */
    public static synchronized Path data() {
        if (data == null) {
            data = DashboardTest.newDataDirectory("shared-dashboard");
        }
        return data;
    }

    private static synchronized Map<String, Object> properties() {
        if (properties == null) {
            Map<String, Object> shared = new java.util.HashMap<>(DashboardTest.properties(data()));
            // Quartz keeps each scheduler's data source in a JVM-wide registry under its name: a test class's own
            // application, started and closed while this one lives, would otherwise leave it a closed pool
            shared.put("spring.quartz.scheduler-name", "sharedDashboard");
            properties = Map.copyOf(shared);
        }
        return properties;
    }

    /** The shared application's threads that outlive each class (its scheduler's), once it has started. */
    static Set<Thread> lastingThreads() {
        return lastingThreads;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // first, like @DynamicPropertySource: above application.properties
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sharedDashboard", properties()));
        context.addApplicationListener((ContextRefreshedEvent event) -> {
            if (event.getApplicationContext() == context) {
                lastingThreads = Set.copyOf(NothingLeftRunningExtension.quartzThreads());
            }
        });
    }
}
