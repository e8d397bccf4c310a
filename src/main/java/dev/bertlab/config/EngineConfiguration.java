package dev.bertlab.config;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.run.FineTuneRun;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The engine's entry points as beans; the engine itself knows nothing of Spring. */
@Configuration
@EnableConfigurationProperties(BertLabProperties.class)
public class EngineConfiguration {

    @Bean
    DatasetCatalog datasetCatalog(BertLabProperties properties) {
        return DatasetCatalog.open(properties.data());
    }

    @Bean
    ModelRegistry modelRegistry(BertLabProperties properties, Environment environment) {
        // bertlab.archives: a system property, application.properties or BERTLAB_ARCHIVES
        return ModelRegistry.inDataDirectory(properties.data(), environment.getProperty("bertlab.archives"));
    }

    @Bean
    FineTuneRun fineTuneRun(DatasetCatalog datasets, ModelRegistry models, BertLabProperties properties) {
        return new FineTuneRun(datasets, models, properties.runs());
    }
}
