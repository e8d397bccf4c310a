package dev.bertlab.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.bertlab.security.ApiToken;
import dev.bertlab.security.ApiTokenService;
import dev.bertlab.security.AppUser;
import dev.bertlab.security.UserService;
import java.util.Comparator;

/**
 * REST API tokens: issue one for a user (its secret shown once), see who owns which and when it was last used,
 * revoke one.
 */
class ApiTokensPanel extends VerticalLayout {

    private final ApiTokenService tokens;
    private final UserService users;
    private final Grid<ApiToken> grid = new Grid<>();
    private final TextField name = new TextField("What it is for");
    private final Select<String> owner = new Select<>();

    ApiTokensPanel(ApiTokenService tokens, UserService users, String currentUser) {
        this.tokens = tokens;
        this.users = users;
        setPadding(false);
        add(new Paragraph("A token acts for its owner, with the owner's role, on the REST API "
                + "(POST /api/v1/classify; the description is at /api/v1/openapi). Send it as "
                + "\"Authorization: Bearer <token>\"."));
        add(issueForm(currentUser), new H3("Tokens"));
        configureGrid();
        add(grid);
        refresh();
        owner.setValue(currentUser);
    }

    private HorizontalLayout issueForm(String currentUser) {
        name.setId("admin-token-name");
        name.setPlaceholder("e.g. nightly evaluation script");
        name.setWidth("22rem");
        owner.setId("admin-token-owner");
        owner.setLabel("Owner");
        Button issue = new Button("Issue token", VaadinIcon.KEY.create(), click -> issue());
        issue.setId("admin-token-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, owner, issue);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void issue() {
        if (name.getValue().isBlank()) {
            name.setInvalid(true);
            name.setErrorMessage("Say what the token is for, so that you know which to revoke later");
            return;
        }
        name.setInvalid(false);
        try {
            ApiTokenService.Issued issued = tokens.issue(name.getValue(), owner.getValue());
            new TokenSecretDialog(issued.token().getName(), issued.secret()).open();
            name.clear();
            refresh();
        } catch (IllegalArgumentException refused) {
            Notices.error(refused.getMessage());
        }
    }

    private void configureGrid() {
        grid.setId("admin-tokens-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiToken::getName).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(ApiToken::getOwner).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(token -> Moments.format(token.getCreatedAt(), "")).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> Moments.format(token.getLastUsed(), "never")).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(this::statusOrRevoke).setHeader("Status").setAutoWidth(true);
        grid.setEmptyStateText("No tokens yet");
    }

    private com.vaadin.flow.component.Component statusOrRevoke(ApiToken token) {
        if (token.isRevoked()) {
            Span revoked = new Span("revoked");
            revoked.getStyle().set("color", "var(--lumo-secondary-text-color)");
            return revoked;
        }
        Button revoke = new Button("Revoke", click -> confirmRevoke(token));
        revoke.setId("admin-revoke-" + token.getId());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void confirmRevoke(ApiToken token) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke \"" + token.getName() + "\"?",
                "Calls with this token will be refused from now on. This cannot be undone.", "Revoke",
                event -> {
                    tokens.revoke(token.getId());
                    Notices.done("Token \"" + token.getName() + "\" revoked");
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    /** Reloads the owners (users may have been added on the other tab) and the tokens. */
    void refresh() {
        String chosen = owner.getValue();
        owner.setItems(users.all().stream().map(AppUser::getUsername).sorted().toList());
        owner.setValue(chosen);
        grid.setItems(tokens.all().stream().sorted(Comparator.comparing(ApiToken::isRevoked)
                .thenComparing(ApiToken::getCreatedAt, Comparator.reverseOrder())).toList());
    }
}
