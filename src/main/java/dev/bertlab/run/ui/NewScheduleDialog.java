package dev.bertlab.run.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.run.CronText;
import dev.bertlab.run.InvalidScheduleException;
import dev.bertlab.run.ScheduleService;
import java.time.ZoneId;
import java.util.List;

/** Runs an experiment on a cron schedule: nightly by default. */
class NewScheduleDialog extends Dialog {

    /** What the form edits. */
    static final class Request {
        private Experiment experiment;
        private String cron = "0 1 * * *";
        private String description = "nightly at 01:00";

        Experiment getExperiment() { return experiment; }
        void setExperiment(Experiment experiment) { this.experiment = experiment; }
        String getCron() { return cron; }
        void setCron(String cron) { this.cron = cron; }
        String getDescription() { return description; }
        void setDescription(String description) { this.description = description; }
    }

    private final ComboBox<Experiment> experiment = new ComboBox<>("Experiment");
    private final TextField cron = new TextField("Cron expression");
    private final TextField description = new TextField("Description");
    private final Binder<Request> binder = new Binder<>();
    private final ScheduleService schedules;
    private final String user;
    private final Runnable created;

    NewScheduleDialog(List<Experiment> experiments, ScheduleService schedules, String user, Runnable created) {
        this.schedules = schedules;
        this.user = user;
        this.created = created;
        setHeaderTitle("New schedule");
        experiment.setId("schedule-experiment");
        experiment.setItems(experiments);
        experiment.setItemLabelGenerator(e -> e.getName() + " (#" + e.getId() + ")");
        cron.setId("schedule-cron");
        cron.setHelperText("minute hour day-of-month month day-of-week, in server time (" + ZoneId.systemDefault()
                + "): 0 1 * * * is every night at 01:00, 30 22 * * 1-5 is weeknights at 22:30");
        description.setId("schedule-description");
        binder.forField(experiment).asRequired("choose the experiment to run")
                .bind(Request::getExperiment, Request::setExperiment);
        binder.forField(cron).withValidator((value, context) -> {
            try {
                CronText.toQuartz(value);
                return ValidationResult.ok();
            } catch (InvalidScheduleException e) {
                return ValidationResult.error(e.getMessage());
            }
        }).bind(Request::getCron, Request::setCron);
        binder.forField(description).withValidator(value -> value == null || value.length() <= 200,
                "at most 200 characters").bind(Request::getDescription, Request::setDescription);
        binder.setBean(new Request());
        FormLayout form = new FormLayout(experiment, cron, description);
        form.setColspan(cron, 2);
        add(form);
        Button save = new Button("Create", click -> save());
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
        setWidth("min(640px, 95vw)");
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        Request request = binder.getBean();
        try {
            schedules.create(request.getExperiment().getId(), request.getCron(), request.getDescription(), user);
            close();
            created.run();
        } catch (InvalidScheduleException e) {
            cron.setInvalid(true);
            cron.setErrorMessage(e.getMessage());
        } catch (RuntimeException e) {
            experiment.setInvalid(true);
            experiment.setErrorMessage(e.getMessage());
        }
    }
}
