package dev.bertlab.run.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every run, newest first, with its state and progress kept current by server push; filter by state. */
@Route("runs")
@PageTitle("Runs · BertLab")
@PermitAll
public class RunsView extends VerticalLayout {

    private final RunService runs;
    private final ExperimentService experiments;
    private final RunEvents events;
    private final AuthenticationContext authentication;
    private final Grid<TrainingRun> grid = new Grid<>();
    private final Select<RunStatus> statusFilter = new Select<>();
    private List<TrainingRun> shown = List.of();
    private Map<Long, String> experimentNames = Map.of();
    private Registration subscription;

    public RunsView(RunService runs, ExperimentService experiments, RunEvents events,
            AuthenticationContext authentication) {
        this.runs = runs;
        this.experiments = experiments;
        this.events = events;
        this.authentication = authentication;
        setSizeFull();
        configureGrid();
        add(new H2("Runs"), toolbar(), grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        subscription = events.subscribeAll(event -> ui.access(() -> apply(event)));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private Component toolbar() {
        statusFilter.setId("status-filter");
        statusFilter.setLabel("Status");
        statusFilter.setItems(RunStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All");
        statusFilter.setItemLabelGenerator(status -> status == null ? "All" : status.name().toLowerCase());
        statusFilter.addValueChangeListener(change -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(statusFilter);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (authentication.hasRole(Role.Names.EDITOR)) {
            Button queue = new Button("Queue a run", VaadinIcon.PLUS.create(), click -> openQueueDialog());
            queue.setId("queue-run");
            queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(queue);
        }
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("runs-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(run -> new RouterLink("#" + run.getId(), RunView.class,
                new RouteParameters("id", run.getId().toString()))).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::experimentLink).setHeader("Experiment").setFlexGrow(2);
        grid.addComponentColumn(run -> new StatusBadge(run.getStatus())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(RunsView::progress).setHeader("Progress").setFlexGrow(2);
        grid.addColumn(RunsView::started).setHeader("Started").setAutoWidth(true);
        grid.addColumn(TimeText::runDuration).setHeader("Duration").setAutoWidth(true);
        grid.addColumn(run -> TimeText.metric(run.getTestMetrics().get("accuracy"))).setHeader("Test accuracy")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(run -> TimeText.metric(run.getTestMetrics().getOrDefault("f1",
                run.getTestMetrics().get("f1_macro")))).setHeader("Test F1").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.setEmptyStateText("No runs yet.");
    }

    private Component experimentLink(TrainingRun run) {
        Anchor link = new Anchor("experiments/" + run.getExperimentId(),
                experimentNames.getOrDefault(run.getExperimentId(), "experiment " + run.getExperimentId()));
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private static Component progress(TrainingRun run) {
        ProgressBar bar = new ProgressBar(0, 1, Math.min(1, run.progress()));
        bar.setIndeterminate(run.getStatus() == RunStatus.RUNNING && run.getTotalSteps() == 0);
        Span text = new Span(run.getTotalSteps() > 0 ? run.getStep() + " / " + run.getTotalSteps() + " steps"
                + (run.getStatus() == RunStatus.RUNNING ? " " + TimeText.eta(run.getEtaSeconds()) : "") : "");
        text.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout cell = new VerticalLayout(bar, text);
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    private static String started(TrainingRun run) {
        if (run.getStartedAt() != null) {
            return TimeText.instant(run.getStartedAt());
        }
        return run.getStatus() == RunStatus.QUEUED && run.getScheduledFor() != null
                ? "scheduled " + TimeText.instant(run.getScheduledFor()) : "";
    }

    private void refresh() {
        experimentNames = experiments.all().stream().collect(Collectors.toMap(Experiment::getId, Experiment::getName,
                (a, b) -> a));
        RunStatus status = statusFilter.getValue();
        shown = status == null ? runs.all() : runs.withStatus(status);
        grid.setItems(shown);
    }

    private void apply(RunEvent event) {
        if (event instanceof RunEvent.StateChanged) {
            refresh();
        } else if (event instanceof RunEvent.Progress progress) {
            shown.stream().filter(run -> run.getId() == progress.runId()).findFirst().ifPresent(run -> {
                run.setStep(progress.step());
                run.setTotalSteps(progress.totalSteps());
                run.setEpoch(progress.epoch());
                run.setEtaSeconds(progress.etaSeconds());
                grid.getDataProvider().refreshItem(run);
            });
        }
    }

    private void openQueueDialog() {
        new QueueRunDialog(experiments.all(), runs, authentication.getPrincipalName().orElse("unknown"),
                run -> UI.getCurrent().navigate(RunView.class, new RouteParameters("id", run.getId().toString())))
                .open();
    }
}
