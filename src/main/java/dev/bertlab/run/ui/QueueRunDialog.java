package dev.bertlab.run.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.binder.Binder;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.run.RunService;
import dev.bertlab.run.TrainingRun;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Queues a run of an experiment now, or at a date and time (server time). */
class QueueRunDialog extends Dialog {

    private static final String NOW = "As soon as a slot is free";
    private static final String LATER = "At a date and time";

    /** What the form edits. */
    static final class Request {
        private Experiment experiment;
        private String when = NOW;
        private LocalDateTime at;

        Experiment getExperiment() { return experiment; }
        void setExperiment(Experiment experiment) { this.experiment = experiment; }
        String getWhen() { return when; }
        void setWhen(String when) { this.when = when; }
        LocalDateTime getAt() { return at; }
        void setAt(LocalDateTime at) { this.at = at; }
    }

    private final ComboBox<Experiment> experiment = new ComboBox<>("Experiment");
    private final RadioButtonGroup<String> when = new RadioButtonGroup<>("Start");
    private final DateTimePicker at = new DateTimePicker("Date and time (server time, " + ZoneId.systemDefault() + ")");
    private final Binder<Request> binder = new Binder<>();
    private final RunService runs;
    private final String user;
    private final Consumer<TrainingRun> queued;

    QueueRunDialog(List<Experiment> experiments, RunService runs, String user, Consumer<TrainingRun> queued) {
        this.runs = runs;
        this.user = user;
        this.queued = queued;
        setHeaderTitle("Queue a run");
        configureFields(experiments);
        bind();
        add(new FormLayout(experiment, when, at));
        Button queue = new Button("Queue", click -> queue());
        queue.setId("queue-run-confirm");
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), queue);
        binder.setBean(new Request());
    }

    private void configureFields(List<Experiment> experiments) {
        experiment.setId("queue-experiment");
        experiment.setItems(experiments);
        experiment.setItemLabelGenerator(e -> e.getName() + " (#" + e.getId() + ", " + e.getDataset() + ", "
                + e.getBaseModel() + ")");
        experiment.setWidthFull();
        when.setItems(NOW, LATER);
        at.setId("queue-at");
        at.setStep(java.time.Duration.ofMinutes(15));
        at.setVisible(false);
        when.addValueChangeListener(change -> {
            at.setVisible(LATER.equals(change.getValue()));
            if (at.isVisible() && at.getValue() == null) {
                at.setValue(LocalDateTime.now().plusHours(1).withMinute(0).withSecond(0).withNano(0));
            }
        });
    }

    private void bind() {
        binder.forField(experiment).asRequired("choose the experiment to run")
                .bind(Request::getExperiment, Request::setExperiment);
        binder.forField(when).bind(Request::getWhen, Request::setWhen);
        binder.forField(at)
                .withValidator(value -> !LATER.equals(when.getValue()) || value != null, "choose the date and time")
                .withValidator(value -> !LATER.equals(when.getValue()) || value == null
                        || value.isAfter(LocalDateTime.now()), "choose a time in the future")
                .bind(Request::getAt, Request::setAt);
    }

    private void queue() {
        if (!binder.validate().isOk()) {
            return;
        }
        Request request = binder.getBean();
        try {
            TrainingRun run = LATER.equals(request.getWhen())
                    ? runs.runAt(request.getExperiment().getId(),
                            request.getAt().atZone(ZoneId.systemDefault()).toInstant(), user)
                    : runs.runNow(request.getExperiment().getId(), user);
            close();
            queued.accept(run);
        } catch (RuntimeException e) {
            experiment.setInvalid(true);
            experiment.setErrorMessage(e.getMessage());
        }
    }
}
