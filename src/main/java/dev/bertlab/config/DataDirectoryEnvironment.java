package dev.bertlab.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the default H2 database into the data directory. H2 refuses paths that are implicitly relative
 * ("data/bertlab"), and the data directory may be relative or absolute, so the URL is made from its absolute form.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path data = Path.of(environment.getProperty("bertlab.data", "data")).toAbsolutePath().normalize();
        environment.getPropertySources().addLast(new MapPropertySource("bertlab-data-directory",
                Map.of("spring.datasource.url", "jdbc:h2:file:" + data.resolve("bertlab") + ";DB_CLOSE_ON_EXIT=FALSE")));
    }
}
