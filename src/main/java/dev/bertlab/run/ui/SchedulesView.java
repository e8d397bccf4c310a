package dev.bertlab.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.ScheduleService;
import dev.bertlab.security.Role;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.stream.Collectors;

/** Experiments that run on a cron schedule (nightly, say): next firing, enable, disable, delete. */
@Route("schedules")
@PageTitle("Schedules · BertLab")
@PermitAll
public class SchedulesView extends VerticalLayout {

    private final ScheduleService schedules;
    private final ExperimentService experiments;
    private final AuthenticationContext authentication;
    private final boolean editor;
    private final Grid<ScheduleService.Entry> grid = new Grid<>();
    private Map<Long, String> experimentNames = Map.of();

    public SchedulesView(ScheduleService schedules, ExperimentService experiments,
            AuthenticationContext authentication) {
        this.schedules = schedules;
        this.experiments = experiments;
        this.authentication = authentication;
        this.editor = authentication.hasRole(Role.Names.EDITOR);
        setSizeFull();
        add(new H2("Schedules"), new Paragraph("Each schedule queues a run of its experiment when its time comes; "
                + "the run waits for a free device slot like any other. Schedules survive restarts, and a night "
                + "the application was down gets its run once it is back."));
        if (editor) {
            Button create = new Button("New schedule", VaadinIcon.PLUS.create(), click -> openDialog());
            create.setId("new-schedule");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        configureGrid();
        add(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("schedules-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::experimentLink).setHeader("Experiment").setFlexGrow(2);
        grid.addColumn(entry -> entry.schedule().getDescription()).setHeader("Description").setFlexGrow(2);
        grid.addColumn(entry -> entry.schedule().getCron()).setHeader("Quartz cron").setAutoWidth(true);
        grid.addColumn(entry -> entry.nextRun() == null ? "" : TimeText.instant(entry.nextRun())).setHeader("Next run")
                .setAutoWidth(true);
        grid.addComponentColumn(this::enabled).setHeader("Enabled").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> entry.schedule().getCreatedBy()).setHeader("By").setAutoWidth(true);
        if (editor) {
            grid.addComponentColumn(this::deleteButton).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText("No schedules.");
    }

    private Component experimentLink(ScheduleService.Entry entry) {
        long id = entry.schedule().getExperimentId();
        Anchor link = new Anchor("experiments/" + id, experimentNames.getOrDefault(id, "experiment " + id));
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private Component enabled(ScheduleService.Entry entry) {
        Checkbox box = new Checkbox(entry.schedule().isEnabled());
        box.setReadOnly(!editor);
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                act(() -> schedules.setEnabled(entry.schedule().getId(), change.getValue()));
            }
        });
        return box;
    }

    private Component deleteButton(ScheduleService.Entry entry) {
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> act(() -> schedules.delete(
                entry.schedule().getId())));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete schedule");
        return delete;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void openDialog() {
        new NewScheduleDialog(experiments.all(), schedules, authentication.getPrincipalName().orElse("unknown"),
                this::refresh).open();
    }

    private void refresh() {
        experimentNames = experiments.all().stream().collect(Collectors.toMap(Experiment::getId, Experiment::getName,
                (a, b) -> a));
        grid.setItems(schedules.all());
    }
}
