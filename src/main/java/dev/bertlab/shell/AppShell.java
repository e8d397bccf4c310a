package dev.bertlab.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Application-wide page settings: server push for live training curves, the icon. The theme is Lumo, Vaadin's
 * default: no {@code @Theme} annotation, since {@code @Theme(themeClass = Lumo.class)} without a theme name made every
 * page link {@code VAADIN/themes//styles.css} in production mode (a 400, and for a visitor not logged in a redirect
 * loop through the login page).
 */
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        // without an icon link the browser asks for /favicon.ico, a 404 on every first visit
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
    }
}
