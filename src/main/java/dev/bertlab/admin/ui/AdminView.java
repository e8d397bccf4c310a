package dev.bertlab.admin.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.classify.ClassificationService;
import dev.bertlab.classify.DemoModelService;
import dev.bertlab.config.BertLabProperties;
import dev.bertlab.security.ApiTokenService;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import jakarta.annotation.security.RolesAllowed;

/** Administration: users and roles, REST API tokens, and settings (the demo model first). ADMIN only. */
@Route("admin")
@PageTitle("Admin | BertLab")
@RolesAllowed(Role.Names.ADMIN)
public class AdminView extends VerticalLayout {

    public AdminView(UserService users, ApiTokenService tokens, DemoModelService demo,
            ClassificationService classification, BertLabProperties properties, AuthenticationContext authentication) {
        String me = authentication.getPrincipalName().orElse("");
        setMaxWidth("80rem");
        add(new H2("Admin"));
        TabSheet tabs = new TabSheet();
        tabs.setId("admin-tabs");
        tabs.setWidthFull();
        ApiTokensPanel tokensPanel = new ApiTokensPanel(tokens, users, me);
        SettingsPanel settingsPanel = new SettingsPanel(demo, classification, properties);
        tabs.add("Users", new UsersPanel(users, me)).setId("admin-tab-users");
        Tab tokensTab = tabs.add("API tokens", tokensPanel);
        tokensTab.setId("admin-tab-tokens");
        Tab settingsTab = tabs.add("Settings", settingsPanel);
        settingsTab.setId("admin-tab-settings");
        // a tab shows what changed on the others (a new user can own a token; a run may have finished)
        tabs.addSelectedChangeListener(change -> {
            if (change.getSelectedTab() == tokensTab) {
                tokensPanel.refresh();
            } else if (change.getSelectedTab() == settingsTab) {
                settingsPanel.refresh();
            }
        });
        add(tabs);
    }
}
