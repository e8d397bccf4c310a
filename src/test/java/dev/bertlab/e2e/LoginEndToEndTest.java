package dev.bertlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.bertlab.support.DashboardApplicationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("browser")
@DashboardApplicationTest
class LoginEndToEndTest extends BrowserTest {

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
