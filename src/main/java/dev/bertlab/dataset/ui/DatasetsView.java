package dev.bertlab.dataset.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.dataset.DatasetService;
import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.security.Role;
import dev.bertlab.web.UserMessages;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * The datasets: built-ins (fetched on first use) and imports, each with its label distribution and token lengths.
 * Editors import and delete; viewers look.
 */
@Route("datasets")
@PageTitle("Datasets | BertLab")
@PermitAll
public class DatasetsView extends VerticalLayout {

    private final DatasetService datasets;
    private final boolean editor;
    private final Grid<DatasetInfo> grid = new Grid<>();
    private final DatasetAnalysisPanel analysis;

    public DatasetsView(DatasetService datasets, AuthenticationContext authentication) {
        this.datasets = datasets;
        this.editor = authentication.hasRole(Role.Names.EDITOR);
        this.analysis = new DatasetAnalysisPanel(datasets, this::analysed);
        add(new H2("Datasets"), new Paragraph("Select a dataset to see its labels and how long its texts are in "
                + "tokens. Built-in datasets are fetched and split (seeded, stratified) the first time they are used."));
        configureGrid();
        add(grid, analysis);
        if (editor) {
            add(new DatasetUploadPanel(datasets, this::imported));
        }
        refresh();
    }

    private void configureGrid() {
        grid.setId("datasets-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(DatasetInfo::name).setHeader("Name").setWidth("10em").setFlexGrow(1);
        grid.addColumn(DatasetInfo::displayName).setHeader("Title").setFlexGrow(2);
        grid.addColumn(info -> datasets.isBuiltin(info.name()) ? "built-in" : "imported").setHeader("Kind")
                .setWidth("7em").setFlexGrow(0);
        grid.addColumn(DatasetsView::task).setHeader("Task").setFlexGrow(2);
        grid.addColumn(info -> count(info, Split.TRAIN)).setHeader("Train").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(info -> count(info, Split.VALIDATION)).setHeader("Validation")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(info -> count(info, Split.TEST)).setHeader("Test").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::state).setHeader("Fingerprint").setWidth("11em").setFlexGrow(0);
        if (editor) {
            grid.addComponentColumn(this::deleteButton).setHeader("").setWidth("4em").setFlexGrow(0);
        }
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null && event.isFromClient()) {
                analysis.show(event.getValue());
            }
        });
    }

    private static String task(DatasetInfo info) {
        return info.task() == TaskType.REGRESSION ? "regression" : "classification: " + String.join(", ",
                info.labelNames());
    }

    private static String count(DatasetInfo info, Split split) {
        return String.format(Locale.ROOT, "%,d", info.count(split));
    }

    private Component state(DatasetInfo info) {
        if (!info.materialized()) {
            Span pending = new Span("fetched on first use");
            pending.getElement().getThemeList().add("badge");
            return pending;
        }
        Span fingerprint = new Span(info.fingerprint().substring(0, 12));
        fingerprint.getElement().setAttribute("title", info.fingerprint());
        fingerprint.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        return fingerprint;
    }

    private Component deleteButton(DatasetInfo info) {
        if (datasets.isBuiltin(info.name())) {
            return new Span();
        }
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(info));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_ICON);
        delete.setTooltipText("Delete " + info.name());
        delete.addClassName("delete-dataset");
        return delete;
    }

    private void confirmDelete(DatasetInfo info) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + info.name() + "?");
        dialog.add(new Paragraph("Its files are removed. Experiments that use it can no longer run."));
        Button delete = new Button("Delete", click -> {
            dialog.close();
            try {
                datasets.delete(info.name());
                UserMessages.success("Deleted " + info.name());
                refresh();
            } catch (AccessDeniedException e) {
                UserMessages.error("Only editors can delete datasets");
            } catch (RuntimeException e) {
                UserMessages.error("Cannot delete " + info.name() + ": " + e.getMessage());
            }
        });
        delete.setId("confirm-delete-dataset");
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), delete);
        dialog.open();
    }

    /** A built-in was fetched for its first analysis: the list shows its counts and fingerprint now. */
    private void analysed(DatasetInfo info) {
        if (grid.getListDataView().getItems().noneMatch(info::equals)) {
            grid.setItems(datasets.list());
        }
    }

    private void imported(DatasetInfo info) {
        refresh();
        analysis.show(info);
    }

    private void refresh() {
        grid.setItems(datasets.list());
    }
}
