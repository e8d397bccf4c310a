package dev.bertlab.run.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.bertlab.engine.onnx.Int8Report;
import dev.bertlab.run.Int8Measurements;
import dev.bertlab.run.TrainingRun;
import java.util.Locale;
import java.util.Optional;

/**
 * The run's int8 variant: how much accuracy it costs on the run's own test split, whether it is offered for serving,
 * and for editors the button that measures it.
 */
class Int8Panel extends HorizontalLayout {

    private final Int8Measurements measurements;
    private final Span text = new Span();
    private final Button measure = new Button("Measure int8 on the test split", VaadinIcon.COMPRESS_SQUARE.create());
    private final ProgressBar working = new ProgressBar();
    private TrainingRun run;

    Int8Panel(Int8Measurements measurements, boolean editor) {
        this.measurements = measurements;
        setId("int8");
        setAlignItems(Alignment.CENTER);
        text.setId("int8-report");
        measure.setId("int8-measure");
        measure.setVisible(editor);
        measure.addClickListener(click -> start());
        working.setIndeterminate(true);
        working.setWidth("8rem");
        working.setVisible(false);
        add(text, working, measure);
    }

    void show(TrainingRun run) {
        this.run = run;
        Optional<Int8Report> report = measurements.report(run);
        text.setText(report.map(Int8Panel::describe).orElse("Not measured yet: int8 weights make the model about 4x "
                + "smaller and faster to serve; measure what accuracy they cost on this run's test split."));
        text.getElement().setAttribute("data-offered", report.map(r -> Boolean.toString(r.offered())).orElse(""));
        boolean busy = measurements.isMeasuring(run);
        working.setVisible(busy);
        measure.setEnabled(!busy);
        measure.setText(report.isPresent() ? "Measure again" : "Measure int8 on the test split");
    }

    private void start() {
        UI ui = UI.getCurrent();
        TrainingRun shown = run;
        try {
            measurements.measure(shown).whenComplete((report, error) -> ui.access(() -> {
                if (error != null) {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    text.setText("The int8 check failed: " + cause.getMessage());
                    working.setVisible(false);
                    measure.setEnabled(true);
                } else {
                    show(shown);
                }
            }));
            show(shown);
        } catch (IllegalArgumentException | IllegalStateException e) {
            text.setText(e.getMessage());
        }
    }

    private static String describe(Int8Report report) {
        String verdict = report.offered() ? "offered for serving (an admin chooses it for the demo)"
                : String.format(Locale.ROOT, "not offered: it loses more than %.1f points", Int8Report.MAX_LOSS_POINTS);
        return report.summary() + ". " + Character.toUpperCase(verdict.charAt(0)) + verdict.substring(1) + ".";
    }
}
