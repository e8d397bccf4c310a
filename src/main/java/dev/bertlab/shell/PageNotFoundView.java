package dev.bertlab.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a logged-in person sees for an address that does not exist or that their role does not open (Vaadin does not
 * tell the two apart, so that addresses are not revealed): which role they have and where to go instead, in the
 * dashboard's frame, rather than the framework's bare "Could not navigate".
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private final AuthenticationContext authentication;
    private final Paragraph explanation = new Paragraph();

    public PageNotFoundView(AuthenticationContext authentication) {
        this.authentication = authentication;
        setId("page-not-found");
        add(new H2("Nothing to show here"), explanation, new Anchor("", "Back to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String role = authentication.hasRole(Role.Names.ADMIN) ? "an admin" : authentication.hasRole(Role.Names.EDITOR) ? "an editor"
                : "a viewer";
        explanation.setText("'/" + event.getLocation().getPath() + "' does not exist, or it is not open to you: you "
                + "are " + role + ". Viewers look and try the classifier; editors also define, run and schedule; "
                + "admins manage users, tokens and settings. Ask an admin if you need another role.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
