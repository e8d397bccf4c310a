package dev.bertlab.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;

/** Asks twice for a user's new password and hands it on when both match and it is long enough. */
class PasswordResetDialog extends Dialog {

    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeated = new PasswordField("Repeat it");
    private final Binder<String[]> binder = new Binder<>();

    PasswordResetDialog(String username, Consumer<String> reset) {
        setHeaderTitle("New password for " + username);
        password.setId("admin-reset-password");
        repeated.setId("admin-reset-repeat");
        binder.forField(password).asRequired("Type the new password")
                .withValidator(p -> p.length() >= 8, "At least 8 characters")
                .bind(values -> values[0], (values, value) -> values[0] = value);
        binder.forField(repeated).asRequired("Type it again")
                .withValidator(p -> p.equals(password.getValue()), "The two passwords differ")
                .bind(values -> values[1], (values, value) -> values[1] = value);
        add(new VerticalLayout(password, repeated));
        Button save = new Button("Set password", click -> {
            String[] values = new String[2];
            if (binder.writeBeanIfValid(values)) {
                reset.accept(values[0]);
                close();
            }
        });
        save.setId("admin-reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
