package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.Knob;
import dev.bertlab.engine.train.Knobs;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentOverview;
import dev.bertlab.experiment.ExperimentOverviews;
import dev.bertlab.experiment.ExperimentRuns;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.RunSummary;
import dev.bertlab.security.Role;
import dev.bertlab.web.UserMessages;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One experiment: its settings and hypothesis, its runs, and its family of refinements. */
@Route("experiments/:id([0-9]+)")
@PermitAll
public class ExperimentDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ExperimentService experiments;
    private final ExperimentOverviews overviews;
    private final ExperimentRuns runs;
    private final AuthenticationContext authentication;
    private final List<ExperimentPageAction> pageActions;
    private String pageTitle = "Experiment";

    public ExperimentDetailView(ExperimentService experiments, ExperimentOverviews overviews, ExperimentRuns runs,
            AuthenticationContext authentication, List<ExperimentPageAction> pageActions) {
        this.experiments = experiments;
        this.overviews = overviews;
        this.runs = runs;
        this.authentication = authentication;
        this.pageActions = pageActions;
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().get("id").map(Long::valueOf).orElseThrow();
        Optional<Experiment> found = experiments.find(id);
        if (found.isEmpty()) {
            UserMessages.error("There is no experiment " + id);
            event.forwardTo(ExperimentListView.class);
            return;
        }
        show(overviews.of(id));
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    private void show(ExperimentOverview overview) {
        Experiment experiment = overview.experiment();
        pageTitle = experiment.getName() + " | BertLab";
        removeAll();
        add(header(experiment));
        add(actions(overview));
        add(settings(experiment));
        add(notes(experiment));
        add(new H3("Runs"), runGrid(overview));
        add(new H3("Lineage"), new LineageTree(experiments.family(experiment.getId()), experiment.getId()));
        add(new H3("Hyperparameters"), hyperparameterGrid(experiment.getHyperparameters()));
    }

    private Component header(Experiment experiment) {
        H2 name = new H2(experiment.getName());
        name.setId("experiment-title");
        HorizontalLayout header = new HorizontalLayout(name, new StageBadge(experiment.getStage()));
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        experiment.tagList().forEach(tag -> {
            Span badge = new Span(tag);
            badge.getElement().getThemeList().add("badge");
            header.add(badge);
        });
        return header;
    }

    private Component actions(ExperimentOverview overview) {
        long id = overview.experiment().getId();
        HorizontalLayout actions = new HorizontalLayout();
        if (authentication.hasRole(Role.Names.EDITOR)) {
            Button run = button("Run now", VaadinIcon.PLAY, "run-experiment",
                    () -> ExperimentActions.runNow(runs, authentication, id));
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(run,
                    button("Edit", VaadinIcon.EDIT, "edit-experiment", () -> ExperimentActions.edit(id)),
                    button("Clone", VaadinIcon.COPY, "clone-experiment", () -> ExperimentActions.cloneOf(id)),
                    button("Refine", VaadinIcon.SPLIT, "refine-experiment", () -> ExperimentActions.refine(id)));
        }
        Long parentId = overview.experiment().getParentId();
        if (parentId != null) {
            Optional<RunSummary> parentRun = overviews.latestSucceededRun(parentId);
            Optional<RunSummary> ownRun = overview.latestSucceededRun();
            boolean possible = parentRun.isPresent() && ownRun.isPresent();
            Button compare = new Button("Compare with parent", VaadinIcon.SCALE.create());
            compare.setId("compare-with-parent");
            compare.setEnabled(possible);
            compare.setTooltipText(possible ? "The latest finished runs of the parent and of this experiment"
                    : "Needs a finished run of the parent and of this experiment");
            // a link, so that the address keeps the short form people share: compare?runs=3,7
            actions.add(possible ? new Anchor("compare?runs=" + parentRun.get().id() + "," + ownRun.get().id(),
                    compare) : compare);
        }
        pageActions.forEach(action -> actions.add(action.create(overview.experiment())));
        return actions;
    }

    private static Button button(String text, VaadinIcon icon, String id, Runnable onClick) {
        Button button = new Button(text, icon.create(), click -> onClick.run());
        button.setId(id);
        return button;
    }

    private Component settings(Experiment experiment) {
        Div settings = new Div();
        settings.setId("experiment-settings");
        settings.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)");
        addSetting(settings, "Dataset", experiment.getDataset());
        addSetting(settings, "Base model", experiment.getBaseModel());
        addSetting(settings, "Subset", subset(experiment));
        addSetting(settings, "Device", experiment.getDevice());
        addSetting(settings, "Created", experiment.getCreatedBy() + ", "
                + ExperimentListView.TIME.format(experiment.getCreatedAt()));
        addSetting(settings, "Updated", ExperimentListView.TIME.format(experiment.getUpdatedAt()));
        return settings;
    }

    private static void addSetting(Div grid, String label, String value) {
        Span name = new Span(label);
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        grid.add(name, new Span(value));
    }

    private static String subset(Experiment experiment) {
        if (experiment.getSubsetTrain() == null && experiment.getSubsetValidation() == null
                && experiment.getSubsetTest() == null) {
            return "whole splits";
        }
        return "train " + orWhole(experiment.getSubsetTrain()) + ", validation "
                + orWhole(experiment.getSubsetValidation()) + ", test " + orWhole(experiment.getSubsetTest());
    }

    private static String orWhole(Integer size) {
        return size == null ? "all" : size.toString();
    }

    private Component notes(Experiment experiment) {
        VerticalLayout notes = new VerticalLayout();
        notes.setPadding(false);
        if (experiment.getChangeNote() != null) {
            notes.add(new H3("What changed and why"), preformatted(experiment.getChangeNote(), "experiment-change-note"));
        }
        notes.add(new H3("Hypothesis and notes"), preformatted(experiment.getNotes() == null
                || experiment.getNotes().isBlank() ? "none" : experiment.getNotes(), "experiment-notes-text"));
        return notes;
    }

    private static Paragraph preformatted(String text, String id) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        paragraph.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        return paragraph;
    }

    private Component runGrid(ExperimentOverview overview) {
        Grid<RunSummary> grid = new Grid<>();
        grid.setId("experiment-runs");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(run -> new Anchor("runs/" + run.id(), "#" + run.id())).setHeader("Run")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(run -> new RunStatusBadge(run)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(run -> run.queuedAt() == null ? "" : ExperimentListView.TIME.format(run.queuedAt()))
                .setHeader("Queued").setAutoWidth(true);
        grid.addColumn(run -> run.finishedAt() == null ? "" : ExperimentListView.TIME.format(run.finishedAt()))
                .setHeader("Finished").setAutoWidth(true);
        grid.addColumn(run -> run.testAccuracy() == null ? "–" : String.format(Locale.ROOT, "%.3f",
                run.testAccuracy())).setHeader("Test accuracy").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(run -> run.reason() == null ? "" : run.reason()).setHeader("Reason").setFlexGrow(2);
        grid.setItems(overview.runs());
        grid.setEmptyStateText("Not run yet.");
        return grid;
    }

    private Component hyperparameterGrid(Hyperparameters hyperparameters) {
        Grid<Knob<?>> grid = new Grid<>();
        grid.setId("experiment-hyperparameters");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        Hyperparameters defaults = Hyperparameters.defaults();
        grid.addColumn(knob -> knob.group().title()).setHeader("Group").setAutoWidth(true);
        grid.addColumn(Knob::key).setHeader("Hyperparameter").setAutoWidth(true);
        grid.addColumn(hyperparameters::textOf).setHeader("Value").setAutoWidth(true);
        grid.addColumn(knob -> defaults.textOf(knob).equals(hyperparameters.textOf(knob)) ? "" : "changed from "
                + (defaults.textOf(knob).isEmpty() ? "none" : defaults.textOf(knob))).setHeader("Default")
                .setAutoWidth(true);
        grid.addColumn(Knob::help).setHeader("Meaning").setFlexGrow(3);
        grid.setItems(Knobs.all());
        return grid;
    }
}
