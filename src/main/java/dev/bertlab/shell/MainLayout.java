package dev.bertlab.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every dashboard page: navigation on the left (only what the user may open), the user and a
 * log-out button on top.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final AuthenticationContext authentication;
    private final AccessAnnotationChecker access;

    public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access) {
        this.authentication = authentication;
        this.access = access;
        addToNavbar(new DrawerToggle(), title(), userMenu());
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    private H2 title() {
        H2 title = new H2("BertLab");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        return title;
    }

    private HorizontalLayout userMenu() {
        String name = authentication.getPrincipalName().orElse("");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        HorizontalLayout menu = new HorizontalLayout(new Span(name), logout);
        menu.setAlignItems(HorizontalLayout.Alignment.CENTER);
        menu.getStyle().set("margin-left", "auto").set("padding-right", "var(--lumo-space-m)");
        return menu;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        NavigationEntries.all().forEach(entry -> {
            if (access.hasAccess(entry.view())) {
                nav.addItem(new SideNavItem(entry.label(), entry.view(), entry.icon().create()));
            }
        });
        return nav;
    }
}
