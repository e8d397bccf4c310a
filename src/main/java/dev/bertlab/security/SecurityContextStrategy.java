package dev.bertlab.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One place per JVM where the security context lives, as with Spring Security's own default (a static thread-local).
 * Vaadin's strategy keeps its thread-local per instance, and every application start makes a new one and makes it
 * the JVM's; with two applications in one JVM (cluster nodes side by side, tests sharing a started application), a
 * filter or method check of the first read its own while a token check or {@link SystemAuthentication} wrote to the
 * second's, and a valid token or a schedule's firing was refused.
 */
@Configuration
class SecurityContextStrategy {

    private static final VaadinAwareSecurityContextHolderStrategy JVM_WIDE =
            new VaadinAwareSecurityContextHolderStrategy();

    @Bean
    static BeanPostProcessor oneSecurityContextStrategyPerJvm() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof VaadinAwareSecurityContextHolderStrategy) {
                    SecurityContextHolder.setContextHolderStrategy(JVM_WIDE);
                    return JVM_WIDE;
                }
                return bean;
            }
        };
    }
}
