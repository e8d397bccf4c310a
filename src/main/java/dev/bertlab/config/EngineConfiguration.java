package dev.bertlab.config;

import dev.bertlab.BertLabApplication;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.worker.WorkerSettings;
import dev.bertlab.worker.WorkerSupervisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The engine's entry points as beans; the engine itself knows nothing of Spring. */
@Configuration
@EnableConfigurationProperties(BertLabProperties.class)
public class EngineConfiguration {

    /** The classifier's models use the node's matmul precision too (runs pass it on to their worker). */
    public EngineConfiguration(BertLabProperties properties) {
        dev.bertlab.engine.LibTorchMatmul.prefer(dev.bertlab.engine.MatmulPrecision.of(properties.matmulPrecision()));
    }

    @Bean
    DatasetCatalog datasetCatalog(BertLabProperties properties) {
        return DatasetCatalog.open(properties.data());
    }

    @Bean
    ModelRegistry modelRegistry(BertLabProperties properties, Environment environment) {
        // bertlab.archives: a system property, application.properties or BERTLAB_ARCHIVES
        return ModelRegistry.inDataDirectory(properties.data(), environment.getProperty("bertlab.archives"));
    }

    /** Runs train in worker processes started from this application's own code. */
    @Bean(destroyMethod = "killAll")
    WorkerSupervisor workerSupervisor(BertLabProperties properties, Environment environment) {
        return new WorkerSupervisor(new WorkerSettings(BertLabApplication.class.getName(), properties.data(),
                properties.worker().jvmOptions(), properties.worker().stopGrace(),
                environment.getProperty("bertlab.archives")));
    }
}
