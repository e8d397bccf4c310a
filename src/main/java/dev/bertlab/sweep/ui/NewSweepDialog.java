package dev.bertlab.sweep.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.bertlab.engine.sweep.SearchSpace;
import dev.bertlab.engine.sweep.SweepPlan;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.sweep.SearchSpaceText;
import dev.bertlab.sweep.Sweep;
import dev.bertlab.sweep.SweepRequest;
import dev.bertlab.sweep.SweepService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Starts a sweep: experiment, search space (one knob a line), strategy, budget, ranking metric, start time. */
class NewSweepDialog extends Dialog {

    private final SweepService sweeps;
    private final String user;
    private final Consumer<Sweep> started;
    private final ComboBox<Experiment> experiment = new ComboBox<>("Experiment");
    private final TextField name = new TextField("Name");
    private final TextArea space = new TextArea("Search space");
    private final Select<SweepPlan.Strategy> strategy = new Select<>();
    private final IntegerField budget = new IntegerField("Budget (runs)");
    private final Select<String> metric = new Select<>();
    private final IntegerField seed = new IntegerField("Seed");
    private final DateTimePicker startAt = new DateTimePicker("Start at (empty: now)");

    NewSweepDialog(SweepService sweeps, List<Experiment> experiments, String user, Consumer<Sweep> started) {
        this.sweeps = sweeps;
        this.user = user;
        this.started = started;
        setHeaderTitle("New sweep");
        setWidth("720px");
        configureFields(experiments);
        FormLayout form = new FormLayout(experiment, name, strategy, budget, metric, seed, startAt, space);
        form.setColspan(space, 2);
        add(form);
        Button start = new Button("Queue the sweep", click -> start());
        start.setId("sweep-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), start);
    }

    private void configureFields(List<Experiment> experiments) {
        experiment.setItems(experiments);
        experiment.setItemLabelGenerator(e -> e.getName() + " (#" + e.getId() + ")");
        experiment.setId("sweep-experiment");
        experiment.setRequired(true);
        name.setId("sweep-name");
        space.setId("sweep-space");
        space.setValue("learning_rate: 2e-5, 3e-5, 5e-5\nclassifier_dropout: 0.1, 0.3\n");
        space.setHelperText("One hyperparameter a line: name: value, value. Sweepable: "
                + String.join(", ", new java.util.TreeSet<>(SearchSpace.SWEEPABLE)));
        space.setMinHeight("8em");
        strategy.setLabel("Strategy");
        strategy.setItems(SweepPlan.Strategy.values());
        strategy.setValue(SweepPlan.Strategy.GRID);
        budget.setId("sweep-budget");
        budget.setValue(6);
        budget.setMin(1);
        budget.setMax(256);
        metric.setLabel("Rank by (test)");
        metric.setItems(SweepService.METRICS);
        metric.setValue("accuracy");
        seed.setValue(42);
        startAt.setId("sweep-start-at");
        startAt.setHelperText("e.g. tonight at 01:00");
        startAt.setMin(LocalDateTime.now());
        startAt.setValue(null);
        startAt.setDatePlaceholder(LocalDate.now().plusDays(1).toString());
        startAt.setTimePlaceholder(LocalTime.of(1, 0).toString());
    }

    private void start() {
        space.setInvalid(false);
        experiment.setInvalid(false);
        if (experiment.getValue() == null) {
            experiment.setErrorMessage("choose the experiment to sweep");
            experiment.setInvalid(true);
            return;
        }
        SearchSpace parsed;
        try {
            parsed = SearchSpaceText.parse(space.getValue());
        } catch (IllegalArgumentException e) {
            space.setErrorMessage(e.getMessage());
            space.setInvalid(true);
            return;
        }
        try {
            Sweep sweep = sweeps.start(new SweepRequest(name.getValue(), experiment.getValue().getId(), parsed,
                    strategy.getValue(), budget.getValue() == null ? 0 : budget.getValue(), metric.getValue(),
                    seed.getValue() == null ? 0 : seed.getValue(), startAt.getValue() == null ? null
                    : startAt.getValue().atZone(ZoneId.systemDefault()).toInstant()), user);
            close();
            started.accept(sweep);
        } catch (IllegalArgumentException e) {
            space.setErrorMessage(e.getMessage());
            space.setInvalid(true);
        }
    }
}
