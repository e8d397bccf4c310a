package dev.bertlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bertlab.support.Acting.asAdmin;

import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 8: repeated wrong passwords lock the user out at this address for a while, and the login page says so. */
@Tag("spring")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginThrottleEndToEndTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("e2e-login-throttle");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        // the defaults (5 failures in 15 minutes lock for 15 minutes) with a lock short enough to wait for
        registry.add("bertlab.login.lock", () -> "6s");
    }

    @Autowired
    UserService users;

    /** Submits the login form and waits for the answer. */
    private void attempt(String user, String password) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").waitFor();
        page.locator("vaadin-login-form input[name=username]").fill(user);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]")
                .first().click();
        page.waitForURL(u -> u.contains("error") || u.contains("locked") || !u.contains("/login"));
    }

    @Test
    void manyWrongPasswordsLockTheUserUntilTheLockExpires() {
        asAdmin(() -> users.create("guessed", "the-right-password", Role.VIEWER));
        for (int i = 0; i < 30; i++) {
            attempt("guessed", "wrong-" + i);
            if (page.url().contains("locked")) {
                break;
            }
        }
        assertThat(page.getByText("Too many failed attempts, try again in 1 minute.")).isVisible();

        attempt("guessed", "the-right-password");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?locked=1$"));
        assertThat(page.getByText("Too many failed attempts, try again in 1 minute.")).isVisible();
        screenshot("login-locked");

        page.waitForTimeout(6_500);
        logIn("guessed", "the-right-password");
        assertThat(page.locator("vaadin-side-nav")).isVisible();
    }

    @Test
    void anotherUserAtTheSameAddressIsNotLockedOut() {
        asAdmin(() -> users.create("victim", "victims-password", Role.VIEWER));
        for (int i = 0; i < 5; i++) {
            attempt("victim", "wrong-" + i);
        }
        assertThat(page.getByText("Too many failed attempts")).isVisible();
        logIn("admin", "admin-password");
        assertThat(page.locator("vaadin-side-nav")).isVisible();
    }

    @Test
    void fewerWrongPasswordsThanTheLimitDoNotLock() {
        asAdmin(() -> users.create("clumsy", "clumsys-password", Role.VIEWER));
        for (int i = 0; i < 4; i++) {
            attempt("clumsy", "wrong-" + i);
            assertThat(page.getByText("Incorrect username or password")).isVisible();
        }
        logIn("clumsy", "clumsys-password");
        assertThat(page.locator("vaadin-side-nav")).isVisible();
    }

    @Test
    void wrongApiTokensFromOneAddressAreRefusedForAWhile() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.IntSupplier wrongToken = () -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/whoami")))
                        .header("Authorization", "Bearer blt_guess").build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int i = 0; i < 5; i++) {
            org.assertj.core.api.Assertions.assertThat(wrongToken.getAsInt()).isEqualTo(401);
        }
        org.assertj.core.api.Assertions.assertThat(wrongToken.getAsInt()).as("after 5 wrong tokens").isEqualTo(429);
        page.waitForTimeout(6_500);
        org.assertj.core.api.Assertions.assertThat(wrongToken.getAsInt()).as("after the lock").isEqualTo(401);
    }
}
