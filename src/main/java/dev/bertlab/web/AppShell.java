package dev.bertlab.web;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Application-wide page settings: server push for live training curves, the Lumo theme. */
@Push
@Theme(themeClass = Lumo.class)
public class AppShell implements AppShellConfigurator {
}
