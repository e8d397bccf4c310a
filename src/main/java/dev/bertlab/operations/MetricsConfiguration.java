package dev.bertlab.operations;

import dev.bertlab.config.BertLabProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every metric of a node carries its name, so that one Prometheus tells the nodes of a cluster apart. */
@Configuration
class MetricsConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> nodeTag(BertLabProperties properties) {
        return registry -> registry.config().commonTags("node", properties.nodeName());
    }
}
