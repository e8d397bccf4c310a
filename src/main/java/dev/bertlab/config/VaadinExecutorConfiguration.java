package dev.bertlab.config;

import com.vaadin.flow.spring.annotation.VaadinTaskExecutor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * Keeps Vaadin on Spring Boot's {@code applicationTaskExecutor}. Vaadin takes the one {@link TaskExecutor} bean
 * there is; with the features' own pools there are several, so without this mark it would refuse to choose.
 */
@Configuration
public class VaadinExecutorConfiguration {

    // the same executor under a second name: destroyMethod "" so that it is shut down once, by its own bean
    @Bean(defaultCandidate = false, destroyMethod = "")
    @VaadinTaskExecutor
    TaskExecutor vaadinTaskExecutor(
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor application) {
        return application;
    }
}
