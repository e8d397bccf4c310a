package dev.bertlab.config;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.worker.WorkerSettings;
import dev.bertlab.worker.WorkerSupervisor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

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
    WorkerSupervisor workerSupervisor(BertLabProperties properties, Environment environment,
            ApplicationContext context) {
        return new WorkerSupervisor(new WorkerSettings(applicationClass(context).getName(), properties.data(),
                properties.worker().jvmOptions(), properties.worker().stopGrace(),
                environment.getProperty("bertlab.archives")));
    }

    /** The class that started this application: a worker JVM starts the same one, with the worker's command. */
    private static Class<?> applicationClass(ApplicationContext context) {
        return context.getBeansWithAnnotation(SpringBootConfiguration.class).values().stream()
                .map(ClassUtils::getUserClass).findFirst()
                .orElseThrow(() -> new IllegalStateException("no @SpringBootConfiguration class in the context"));
    }
}
