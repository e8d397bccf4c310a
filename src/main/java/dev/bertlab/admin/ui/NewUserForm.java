package dev.bertlab.admin.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import dev.bertlab.security.Role;

/** Creates a user: name, first password and role, each checked on its field; fires {@link CreateEvent}. */
class NewUserForm extends FormLayout {

    /** What the form collects. */
    static final class NewUser {
        private String username = "";
        private String password = "";
        private Role role = Role.VIEWER;

        String getUsername() { return username; }
        void setUsername(String username) { this.username = username; }
        String getPassword() { return password; }
        void setPassword(String password) { this.password = password; }
        Role getRole() { return role; }
        void setRole(Role role) { this.role = role; }
    }

    /** Asks for the user to be created. */
    static final class CreateEvent extends ComponentEvent<NewUserForm> {
        private final NewUser user;

        CreateEvent(NewUserForm source, NewUser user) {
            super(source, false);
            this.user = user;
        }

        NewUser user() {
            return user;
        }
    }

    private final TextField username = new TextField("Username");
    private final PasswordField password = new PasswordField("Password");
    private final Select<Role> role = new Select<>();
    private final Binder<NewUser> binder = new Binder<>();

    NewUserForm() {
        username.setId("admin-new-username");
        password.setId("admin-new-password");
        role.setId("admin-new-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setHelperText("Viewer: look and classify. Editor: also define and run. Admin: also this page.");
        bind();
        Button create = new Button("Create user", VaadinIcon.PLUS.create(), click -> create());
        create.setId("admin-new-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(username, password, role, create);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40rem", 4));
    }

    private void bind() {
        binder.forField(username).asRequired("Give the user a name")
                .withValidator(name -> name.matches("[A-Za-z0-9._-]{2,64}"),
                        "2 to 64 letters, digits, '.', '_' or '-'")
                .bind(NewUser::getUsername, NewUser::setUsername);
        binder.forField(password).asRequired("Give a first password")
                .withValidator(p -> p.length() >= 8, "At least 8 characters")
                .bind(NewUser::getPassword, NewUser::setPassword);
        binder.forField(role).asRequired("Choose a role").bind(NewUser::getRole, NewUser::setRole);
        binder.readBean(new NewUser());
    }

    private void create() {
        NewUser user = new NewUser();
        try {
            binder.writeBean(user);
            fireEvent(new CreateEvent(this, user));
        } catch (ValidationException invalid) {
            // the fields show their messages
        }
    }

    /** Empties the form after a user was created. */
    void reset() {
        binder.readBean(new NewUser());
    }

    /** Shows a problem the service found (e.g. the name is taken) on the username field. */
    void usernameProblem(String message) {
        username.setInvalid(true);
        username.setErrorMessage(message);
    }

    Registration addCreateListener(com.vaadin.flow.component.ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }
}
