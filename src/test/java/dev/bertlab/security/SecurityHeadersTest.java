package dev.bertlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.support.DashboardApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 8: the pages and the API answer with security headers, a Content-Security-Policy among them. */
@DashboardApplicationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpHeaders headers(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        return response.headers();
    }

    @Test
    void thePagesSendAContentSecurityPolicyAndTheOtherSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/demo"}) {
            HttpHeaders headers = headers(path, 200);
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                    "base-uri 'self'", "form-action 'self'");
            assertThat(headers.firstValue("Permissions-Policy")).as(path).isPresent();
        }
    }

    @Test
    void theApiSendsThemToo() throws Exception {
        for (HttpHeaders headers : new HttpHeaders[] {headers("/api/v1/whoami", 401), headers("/api/v1/openapi", 200)}) {
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'none'", "frame-ancestors 'none'");
        }
    }
}
