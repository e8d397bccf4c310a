package dev.bertlab.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Response headers that tell the browser what the pages may do. Spring Security's defaults stay (nosniff, no
 * caching of pages, X-Frame-Options DENY); added: a Content-Security-Policy, a Referrer-Policy and a
 * Permissions-Policy.
 */
final class SecurityHeaders {

    /**
     * What Vaadin 24 (production bundle, {@code @Push} over a same-origin websocket) and the ECharts canvas need:
     * scripts and styles from this origin, inline ones (Vaadin's bootstrap and the components' style attributes) and
     * eval (Flow's client runs JavaScript the server sends); images and fonts also as data: and blob: URLs (Lumo's
     * icons, downloads); nothing from other origins, no plugins, no framing.
     */
    static final String DASHBOARD_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The API answers JSON only: nothing in a response may load or run anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private SecurityHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> dashboard() {
        return headers -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentSecurityPolicy(csp -> csp.policyDirectives(DASHBOARD_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS));
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> api() {
        return headers -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS));
    }
}
