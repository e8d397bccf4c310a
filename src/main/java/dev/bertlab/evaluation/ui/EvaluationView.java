package dev.bertlab.evaluation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.engine.calibration.CalibrationReport;
import dev.bertlab.evaluation.DeepEvaluation;
import dev.bertlab.evaluation.DeepEvaluationService;
import dev.bertlab.evaluation.ModelCheck;
import dev.bertlab.evaluation.ModelCheckService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import dev.bertlab.web.chart.EChart;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A finished run's evaluation in depth: ROC and precision-recall curves, the reliability diagram with ECE before
 * and after temperature scaling, the tuned threshold, accuracy by review length, and the checks that run the model
 * again: test-time augmentation and other datasets (cross-domain). The second group is for editors: it computes.
 */
@Route("runs/:id([0-9]+)/evaluation")
@PageTitle("Evaluation | BertLab")
@PermitAll
public class EvaluationView extends VerticalLayout implements BeforeEnterObserver {

    private final RunService runs;
    private final DeepEvaluationService evaluations;
    private final ModelCheckService checks;
    private final AuthenticationContext authentication;

    private final H2 title = new H2();
    private final Paragraph status = new Paragraph();
    private final Div figures = new Div();
    private final Paragraph calibrationText = new Paragraph();
    private final Paragraph thresholdText = new Paragraph();
    private final Grid<ModelCheck> checkGrid = new Grid<>();
    private final ProgressBar checkProgress = new ProgressBar(0, 1);
    private final Span checkProgressText = new Span();
    private final IntegerField sample = new IntegerField("Reviews (seeded sample)");
    private final Select<String> otherDataset = new Select<>();
    private final Button tta = new Button("Test-time augmentation");
    private final Button crossDomain = new Button("Evaluate on the other dataset");
    private TrainingRun run;

    public EvaluationView(RunService runs, DeepEvaluationService evaluations, ModelCheckService checks,
            AuthenticationContext authentication) {
        this.runs = runs;
        this.evaluations = evaluations;
        this.checks = checks;
        this.authentication = authentication;
        setMaxWidth("1400px");
        status.setId("evaluation-status");
        figures.setId("evaluation-figures");
        figures.setWidthFull();
        figures.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)")
                .set("grid-template-columns", "repeat(auto-fit, minmax(420px, 1fr))");
        calibrationText.setId("calibration-text");
        thresholdText.setId("threshold-text");
        add(title, status, figures, calibrationText, thresholdText, checksSection());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        run = runs.find(id).orElseThrow(() -> new NotFoundException("no run " + id));
        title.setText("Evaluation of run #" + run.getId());
        figures.removeAll();
        if (run.getStatus() != RunStatus.SUCCEEDED) {
            status.setText("The run has not succeeded, so there are no test predictions to evaluate.");
            return;
        }
        status.setText("Reading the predictions and the test texts...");
        List<String> others = checks.crossDomainDatasets(run);
        otherDataset.setItems(others);
        otherDataset.setValue(others.isEmpty() ? null : others.get(0));
        crossDomain.setEnabled(!others.isEmpty());
        checkGrid.setItems(checks.done(run));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (run == null || run.getStatus() != RunStatus.SUCCEEDED) {
            return;
        }
        UI ui = event.getUI();
        TrainingRun shown = run;
        CompletableFuture.supplyAsync(() -> evaluations.evaluate(shown)).whenComplete((evaluation, failure) ->
                ui.access(() -> {
                    if (failure != null) {
                        status.setText("The evaluation failed: " + message(failure));
                    } else {
                        show(evaluation);
                    }
                }));
    }

    private void show(DeepEvaluation evaluation) {
        status.setText(evaluation.positiveLabel() == null ? "Calibration and length on the test split."
                : "On the test split, with '" + evaluation.positiveLabel() + "' as the positive class.");
        figures.removeAll();
        if (evaluation.roc() != null) {
            figures.add(chart("roc-chart", EvaluationCharts.roc(evaluation.roc())));
            figures.add(chart("pr-chart", EvaluationCharts.precisionRecall(evaluation.precisionRecall())));
        }
        CalibrationReport calibration = evaluation.calibration();
        figures.add(chart("reliability-chart", EvaluationCharts.reliability(calibration.before(), calibration.after(),
                calibration.temperature())));
        if (evaluation.lengthBuckets() != null) {
            figures.add(chart("length-chart", EvaluationCharts.lengthBuckets(evaluation.lengthBuckets())));
        }
        calibrationText.setText(String.format(Locale.ROOT, "Temperature scaling fitted on validation: T = %.3f. "
                        + "On %d test examples, log loss %.4f -> %.4f and expected calibration error %.4f -> %.4f "
                        + "(predicted classes do not change). %s", calibration.temperature(), calibration.examples(),
                calibration.logLossBefore(), calibration.logLossAfter(), calibration.eceBefore(),
                calibration.eceAfter(), calibration.temperature() > 1 ? "T > 1: the model was over-confident."
                        : "T < 1: the model was under-confident."));
        thresholdText.setVisible(evaluation.threshold() != null);
        if (evaluation.threshold() != null) {
            thresholdText.setText(String.format(Locale.ROOT, "Decision threshold tuned on validation: P(%s) >= %.3f "
                            + "(validation F1 %.4f -> %.4f); on test, F1 %.4f at the default against %.4f tuned.",
                    evaluation.positiveLabel(), evaluation.threshold().threshold(),
                    evaluation.threshold().validationF1AtDefault(), evaluation.threshold().validationF1AtThreshold(),
                    evaluation.threshold().testF1AtDefault(), evaluation.threshold().testF1AtThreshold()));
        }
    }

    private VerticalLayout checksSection() {
        checkGrid.setId("model-checks");
        checkGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        checkGrid.setAllRowsVisible(true);
        checkGrid.addColumn(c -> c.kind() == ModelCheck.Kind.TTA ? "test-time augmentation" : "cross-domain")
                .setHeader("Check").setAutoWidth(true);
        checkGrid.addColumn(ModelCheck::dataset).setHeader("Dataset").setAutoWidth(true);
        checkGrid.addColumn(ModelCheck::examples).setHeader("Reviews").setAutoWidth(true);
        checkGrid.addColumn(c -> scores(c.plain())).setHeader("As trained").setAutoWidth(true);
        checkGrid.addColumn(c -> c.augmented() == null ? "" : scores(c.augmented())).setHeader("With TTA")
                .setAutoWidth(true);
        checkGrid.addColumn(c -> c.longTexts() == 0 ? "none longer than max length" : c.longTexts() + " long: "
                + percent(c.longPlainAccuracy()) + (c.longAugmentedAccuracy() == null ? ""
                : " -> " + percent(c.longAugmentedAccuracy()) + " with TTA")).setHeader("Long reviews")
                .setAutoWidth(true);
        VerticalLayout section = new VerticalLayout(new H3("Run the model again"), new Paragraph("Test-time "
                + "augmentation reads long reviews through head, middle and tail windows and averages the "
                + "probabilities. Cross-domain evaluation scores the model on another dataset's test reviews "
                + "without retraining."));
        section.setPadding(false);
        if (authentication.hasRole(Role.Names.EDITOR)) {
            sample.setId("check-sample");
            sample.setValue(ModelCheckService.DEFAULT_SAMPLE);
            sample.setMin(1);
            sample.setMax(ModelCheckService.MAX_SAMPLE);
            sample.setStepButtonsVisible(true);
            otherDataset.setId("check-dataset");
            otherDataset.setLabel("Other dataset");
            tta.setId("run-tta");
            tta.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            tta.addClickListener(click -> start(checks.testTimeAugmentation(run, sampleSize(), progress())));
            crossDomain.setId("run-cross-domain");
            crossDomain.addClickListener(click -> start(checks.crossDomain(run, otherDataset.getValue(),
                    sampleSize(), progress())));
            HorizontalLayout controls = new HorizontalLayout(sample, tta, otherDataset, crossDomain);
            controls.setAlignItems(Alignment.BASELINE);
            checkProgress.setId("check-progress");
            checkProgressText.setId("check-progress-text");
            checkProgress.setVisible(false);
            section.add(controls, checkProgress, checkProgressText);
        }
        section.add(checkGrid);
        return section;
    }

    private int sampleSize() {
        return sample.getValue() == null ? ModelCheckService.DEFAULT_SAMPLE : sample.getValue();
    }

    /** Progress pushed from the check's thread: the bar, the count and the time left. */
    private ModelCheckService.Progress progress() {
        UI ui = UI.getCurrent();
        long start = System.nanoTime();
        return (done, total) -> ui.access(() -> {
            checkProgress.setValue((double) done / total);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = done == 0 ? 0 : elapsed / done * (total - done);
            checkProgressText.setText(String.format(Locale.ROOT, "%d / %d reviews, about %.0f s left", done, total,
                    left));
        });
    }

    private void start(CompletableFuture<ModelCheck> check) {
        tta.setEnabled(false);
        crossDomain.setEnabled(false);
        checkProgress.setVisible(true);
        checkProgress.setValue(0);
        checkProgressText.setText("Loading the model...");
        UI ui = UI.getCurrent();
        check.whenComplete((done, failure) -> ui.access(() -> {
            tta.setEnabled(true);
            crossDomain.setEnabled(otherDataset.getValue() != null);
            checkProgress.setVisible(false);
            if (failure != null) {
                checkProgressText.setText("");
                Notification error = Notification.show("The check failed: " + message(failure), 6000,
                        Notification.Position.MIDDLE);
                error.addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            checkProgressText.setText(String.format(Locale.ROOT, "Done in %.1f s.", done.seconds()));
            checkGrid.setItems(checks.done(run));
        }));
    }

    private static EChart chart(String id, String option) {
        EChart chart = new EChart(option);
        chart.setId(id);
        chart.setWidthFull();
        chart.setHeight("340px");
        return chart;
    }

    private static String scores(ModelCheck.Scores scores) {
        return String.format(Locale.ROOT, "accuracy %.4f, F1 %.4f, log loss %.4f", scores.accuracy(), scores.f1(),
                scores.logLoss());
    }

    private static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
