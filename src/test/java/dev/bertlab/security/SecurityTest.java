package dev.bertlab.security;

import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.support.DashboardApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

@DashboardApplicationTest
class SecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    AppUserRepository users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    UserService userService;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFirstAdminExistsWithAHashedPassword() {
        AppUser admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("admin-password");
        assertThat(encoder.matches("admin-password", admin.getPasswordHash())).isTrue();
    }

    @Test
    void theApiWantsAValidToken() throws Exception {
        assertThat(get("/api/v1/whoami", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/whoami", "blt_not-a-token").statusCode()).isEqualTo(401);
        asAdmin(() -> userService.create("security-viewer", "viewer-password", Role.VIEWER));
        ApiTokenService.Issued issued = asAdmin(() -> tokens.issue("ci", "security-viewer"));
        assertThat(issued.secret()).startsWith("blt_");
        assertThat(tokens.authenticate(issued.secret())).get().extracting(ApiTokenService.Authenticated::role)
                .isEqualTo(Role.VIEWER);
        asAdmin(() -> tokens.revoke(issued.token().getId()));
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void theDashboardSendsStrangersToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/", null);
        assertThat(response.statusCode()).isIn(200, 302);
        assertThat(get("/api/v1/openapi", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
