package dev.bertlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Tag("spring")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginEndToEndTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("e2e-login");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    @Test
    void aStrangerIsSentToLogInAndTheAdminGetsIn() {
        page.navigate(url("/"));
        page.waitForURL(u -> u.contains("/login"));
        screenshot("login");
        logIn("admin", "admin-password");
        assertThat(page.locator("vaadin-side-nav")).isVisible();
        screenshot("home");
    }

    @Test
    void aWrongPasswordShowsTheError() {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").fill("admin");
        page.locator("vaadin-login-form input[name=password]").fill("wrong-password");
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]")
                .first().click();
        page.waitForURL(u -> u.contains("error"));
        assertThat(page.getByText("Incorrect username or password")).isVisible();
        screenshot("login-error");
    }
}
