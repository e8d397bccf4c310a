package dev.bertlab.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.bertlab.security.AppUser;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;

/** Users: the list with each one's role (changed in place), password resets, and a form to add one. */
class UsersPanel extends VerticalLayout {

    private final UserService users;
    private final String currentUser;
    private final Grid<AppUser> grid = new Grid<>();
    private final NewUserForm form = new NewUserForm();

    UsersPanel(UserService users, String currentUser) {
        this.users = users;
        this.currentUser = currentUser;
        setPadding(false);
        configureGrid();
        configureForm();
        add(grid, new H3("Add a user"), form);
        refresh();
    }

    private void configureGrid() {
        grid.setId("admin-users-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(AppUser::getUsername).setHeader("Username").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setAutoWidth(true);
        grid.addColumn(user -> Moments.format(user.getCreatedAt(), "")).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::resetButton).setHeader("Password").setAutoWidth(true);
    }

    private Select<Role> roleSelect(AppUser user) {
        Select<Role> role = new Select<>();
        role.setId("admin-role-" + user.getUsername());
        role.setItems(Role.values());
        role.setValue(user.getRole());
        role.setWidth("9rem");
        role.addValueChangeListener(change -> {
            if (!change.isFromClient() || change.getValue() == null) {
                return;
            }
            if (change.getOldValue() == Role.ADMIN && change.getValue() != Role.ADMIN && lastAdmin()) {
                role.setValue(Role.ADMIN);
                Notices.error("At least one admin must remain: make another user admin first");
                return;
            }
            users.changeRole(user.getUsername(), change.getValue());
            Notices.done(user.getUsername() + " is now " + change.getValue().name().toLowerCase()
                    + (user.getUsername().equals(currentUser) ? " (takes effect at your next login)" : ""));
            refresh();
        });
        return role;
    }

    private boolean lastAdmin() {
        return users.all().stream().filter(u -> u.getRole() == Role.ADMIN).count() <= 1;
    }

    private Button resetButton(AppUser user) {
        Button reset = new Button("Reset", VaadinIcon.KEY.create(),
                click -> new PasswordResetDialog(user.getUsername(), password -> {
                    users.changePassword(user.getUsername(), password);
                    Notices.done("The password of " + user.getUsername() + " was changed");
                }).open());
        reset.setId("admin-reset-" + user.getUsername());
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return reset;
    }

    private void configureForm() {
        form.addCreateListener(event -> {
            NewUserForm.NewUser user = event.user();
            try {
                users.create(user.getUsername(), user.getPassword(), user.getRole());
                Notices.done("User " + user.getUsername() + " created as " + user.getRole().name().toLowerCase());
                form.reset();
                refresh();
            } catch (IllegalArgumentException refused) {
                form.usernameProblem(refused.getMessage());
            }
        });
    }

    private void refresh() {
        grid.setItems(users.all());
    }
}
