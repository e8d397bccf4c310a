package dev.bertlab.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of /api, before Spring Security and before anything reads a body: errors as problem
 * details (outermost, so it also answers for the body limit), then the body limit. Tomcat answers "100 Continue"
 * only when a body is read, so a client that asks first (curl does for large bodies) gets the 413 without sending it.
 */
@Configuration
@EnableConfigurationProperties(ApiProperties.class)
class ApiFilters {

    private static final String API = "/api/*";

    @Bean
    FilterRegistrationBean<ApiProblemFilter> apiProblemFilter(ObjectMapper json) {
        FilterRegistrationBean<ApiProblemFilter> registration =
                new FilterRegistrationBean<>(new ApiProblemFilter(json));
        registration.addUrlPatterns(API);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxBodySize()));
        registration.addUrlPatterns(API);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    TomcatConnectorCustomizer continueOnlyWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
