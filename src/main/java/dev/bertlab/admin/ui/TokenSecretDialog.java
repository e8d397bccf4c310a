package dev.bertlab.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a newly issued token's secret: the only time it can be seen, since only its hash is kept. */
class TokenSecretDialog extends Dialog {

    TokenSecretDialog(String name, String secret) {
        setHeaderTitle("Token \"" + name + "\" issued");
        setCloseOnOutsideClick(false);
        setMaxWidth("46rem");
        TextField value = new TextField();
        value.setId("admin-token-secret");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidth("34rem");
        value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), click -> {
            copy(secret);
            click.getSource().setText("Copied");
        });
        copy.setId("admin-token-copy");
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph warning = new Paragraph("Copy it now: this is the only time the token is shown. BertLab keeps only "
                + "its hash, so a lost token cannot be recovered; revoke it and issue a new one.");
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        add(warning, row);
        Button done = new Button("I have copied it", click -> close());
        done.setId("admin-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private void copy(String secret) {
        getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret);
    }
}
