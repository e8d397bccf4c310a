package dev.bertlab.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

@Route(value = "login", autoLayout = false)
@PageTitle("Log in | BertLab")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("BertLab"), login, new Paragraph("The first admin's password was printed at first start, or "
                + "set with BERTLAB_ADMIN_PASSWORD."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        LoginI18n i18n = LoginI18n.createDefault();
        List<String> locked = parameters.getOrDefault("locked", List.of());
        if (!locked.isEmpty()) {
            // LoginThrottle: too many failed attempts for this user from this address
            int minutes = minutes(locked.get(0));
            i18n.getErrorMessage().setTitle("Login locked for now");
            i18n.getErrorMessage().setMessage("Too many failed attempts, try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."));
        }
        login.setI18n(i18n);
        login.setError(parameters.containsKey("error") || !locked.isEmpty());
    }

    private static int minutes(String text) {
        try {
            return Math.max(1, Math.min(24 * 60, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
