package dev.bertlab.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.bertlab.config.BertLabProperties;
import dev.bertlab.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two doors: the REST API under /api, stateless with bearer tokens (401 without one, 403 without the role), and
 * the dashboard, with Vaadin's form login and view annotations (@PermitAll, @RolesAllowed).
 */
@Configuration
@EnableWebSecurity
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Health and metrics for the machines that watch a node (orchestrator probes, Prometheus): no login, nothing
     * else of Actuator. Keep the port off the public network, or move them to their own with management.server.port.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**",
                        "/actuator/prometheus").permitAll().anyRequest().denyAll())
                .exceptionHandling(SecurityConfiguration::notFound)
                .headers(SecurityHeaders.api())
                .build();
    }

    /** Refused is answered as absent, written here: an error dispatch would reach the dashboard's login redirect. */
    private static void notFound(
            org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer<HttpSecurity> e) {
        e.authenticationEntryPoint((request, response, failure) -> response.setStatus(404))
                .accessDeniedHandler((request, response, failure) -> response.setStatus(404));
    }

    /** A worker-only node ({@code bertlab worker}) serves health and metrics only: every other path is a 404. */
    @Bean
    @Order(1)
    @Profile(BertLabProperties.WORKER_PROFILE)
    SecurityFilterChain nothingButOperations(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().denyAll())
                .exceptionHandling(SecurityConfiguration::notFound)
                .headers(SecurityHeaders.api())
                .build();
    }

    @Bean
    @Order(1)
    @Profile("!" + BertLabProperties.WORKER_PROFILE)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, LoginThrottle throttle) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi")
                        .permitAll().anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, throttle), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> problem(response,
                                HttpStatus.UNAUTHORIZED, "a valid API token is required: Authorization: Bearer <token>"))
                        .accessDeniedHandler((request, response, failure) -> problem(response,
                                HttpStatus.FORBIDDEN, "this token's owner lacks the role for this call")))
                .headers(SecurityHeaders.api())
                .build();
    }

    @Bean
    @Order(2)
    @Profile("!" + BertLabProperties.WORKER_PROFILE)
    SecurityFilterChain dashboard(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        http.headers(SecurityHeaders.dashboard());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"status\":" + status.value() + ",\"title\":\"" + status.getReasonPhrase()
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
