package dev.bertlab.classify;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Reads the live classifier's limits ({@code bertlab.classify.*}). */
@Configuration
@EnableConfigurationProperties(ClassifyProperties.class)
public class ClassifyConfiguration {
}
