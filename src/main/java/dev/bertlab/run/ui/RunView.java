package dev.bertlab.run.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.run.FixService;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisKind;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.ConfusionCounts;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.Int8Measurements;
import dev.bertlab.run.RunArtifacts;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import dev.bertlab.web.chart.EChart;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run, live: progress, curves and the log tail update by server push while it trains; when it has finished,
 * its metrics, confusion matrix, misclassified examples and downloads. Editors can cancel and resume it.
 */
@Route("runs/:id([0-9]+)")
@PermitAll
public class RunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int TAIL_LINES = 60;

    private final RunService runs;
    private final RunArtifacts artifacts;
    private final RunEvents events;
    private final ExperimentService experiments;
    private final AuthenticationContext authentication;
    private final FixService fixes;

    private final H2 title = new H2();
    private final StatusBadge badge = new StatusBadge(RunStatus.QUEUED);
    private final Anchor experimentLink = new Anchor();
    private final Span facts = new Span();
    private final Paragraph reason = new Paragraph();
    private final Button cancel = new Button("Cancel", VaadinIcon.STOP.create());
    private final Button resume = new Button("Resume", VaadinIcon.PLAY.create());
    private final RunProgressPanel progress = new RunProgressPanel();
    private final TrainingCharts charts = new TrainingCharts();
    private final DiagnosesPanel diagnoses = new DiagnosesPanel();
    private final LogTail log = new LogTail();
    private final EvaluationsGrid evaluations = new EvaluationsGrid();
    private final FinalMetricsGrid finalMetrics = new FinalMetricsGrid();
    private final EChart confusion = new EChart();
    private final MisclassifiedGrid misclassified = new MisclassifiedGrid();
    private final Span misclassifiedNote = new Span();
    private final RunDownloads downloads;
    private final Int8Panel int8;
    private final Div outcome = new Div();
    private final Anchor evaluationLink = new Anchor("", "Evaluate in depth: ROC and precision-recall, calibration, "
            + "threshold, length, test-time augmentation, other datasets");

    private TrainingRun run;
    private Registration subscription;

    public RunView(RunService runs, RunArtifacts artifacts, RunEvents events, ExperimentService experiments,
            AuthenticationContext authentication, FixService fixes, Int8Measurements int8Measurements) {
        this.fixes = fixes;
        this.runs = runs;
        this.artifacts = artifacts;
        this.events = events;
        this.experiments = experiments;
        this.authentication = authentication;
        this.downloads = new RunDownloads(artifacts);
        this.int8 = new Int8Panel(int8Measurements, authentication.hasRole(Role.Names.EDITOR));
        configureActions();
        configureOutcome();
        if (authentication.hasRole(Role.Names.EDITOR)) {
            diagnoses.onApplyFix(this::applyFix);
        }
        add(header(), reason, progress, section("Diagnoses", diagnoses), charts, section("Log", log), section("Evaluations", evaluations), outcome,
                section("Downloads", downloads), section("Serving in int8", int8));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        Optional<TrainingRun> found = runs.find(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "There is no run " + id + ".");
            return;
        }
        run = found.get();
        showEverything();
        if (isAttached()) {
            subscribe(UI.getCurrent());
        }
    }

    @Override
    public String getPageTitle() {
        return run == null ? "Run" : "Run #" + run.getId() + " · BertLab";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        subscribe(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe();
    }

    private Component header() {
        title.getStyle().set("margin", "0");
        experimentLink.setId("experiment-link");
        experimentLink.getElement().setAttribute("router-link", true);
        badge.setId("run-status");
        facts.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout titleRow = new HorizontalLayout(title, badge, cancel, resume);
        titleRow.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout header = new VerticalLayout(titleRow, new HorizontalLayout(experimentLink, facts));
        header.setPadding(false);
        header.setSpacing(false);
        reason.setId("run-reason");
        return header;
    }

    private void configureActions() {
        cancel.setId("cancel-run");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(click -> act(() -> runs.cancel(run.getId(), user()),
                "Cancel requested: the run stops after its current step and keeps its checkpoint."));
        resume.setId("resume-run");
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resume.addClickListener(click -> act(() -> runs.resume(run.getId(), user()),
                "Queued again: the run continues from its latest checkpoint."));
    }

    private void configureOutcome() {
        confusion.setId("confusion-matrix");
        confusion.setWidth("min(560px, 100%)");
        confusion.setHeight("360px");
        misclassifiedNote.setId("misclassified-note");
        outcome.setWidthFull();
        evaluationLink.setId("open-evaluation");
        evaluationLink.getElement().setAttribute("router-link", true);
        outcome.add(evaluationLink, section("Final metrics", finalMetrics), section("Confusion matrix", confusion),
                section("Misclassified test examples", misclassifiedSection()));
    }

    private Component misclassifiedSection() {
        VerticalLayout layout = new VerticalLayout(misclassifiedNote, misclassified);
        layout.setPadding(false);
        return layout;
    }

    private void showEverything() {
        TrainingLogReader.Log history = artifacts.trainingLog(run);
        charts.draw(history);
        List<Diagnosis> found = artifacts.diagnoses(run);
        diagnoses.show(found);
        charts.mark(found);
        evaluations.show(history.eval());
        log.show(artifacts.activityTail(run, TAIL_LINES));
        showState();
    }

    private void showState() {
        title.setText("Run #" + run.getId());
        badge.setStatus(run.getStatus());
        String experimentName = experiments.find(run.getExperimentId()).map(Experiment::getName)
                .orElse("experiment " + run.getExperimentId());
        experimentLink.setText(experimentName);
        experimentLink.setHref("experiments/" + run.getExperimentId());
        facts.setText(facts());
        reason.setText(run.getReason() == null ? "" : run.getReason());
        reason.setVisible(run.getReason() != null);
        progress.show(run);
        // only the action that applies now; viewers get none
        boolean editor = authentication.hasRole(Role.Names.EDITOR);
        cancel.setVisible(editor && !run.getStatus().isFinal());
        cancel.setEnabled(!run.isCancelRequested());
        resume.setVisible(editor && (run.getStatus() == RunStatus.CANCELLED || run.getStatus() == RunStatus.FAILED));
        downloads.show(run);
        int8.getParent().ifPresent(section -> section.setVisible(artifacts.hasModel(run)
                && artifacts.predictions(run, "test").isPresent()));
        int8.show(run);
        showOutcome();
    }

    private String facts() {
        List<String> parts = new ArrayList<>();
        parts.add(run.getDevice() == null ? "device auto" : "on " + run.getDevice());
        if (run.getScheduledFor() != null && run.getStartedAt() == null) {
            parts.add("scheduled for " + TimeText.instant(run.getScheduledFor()));
        }
        if (run.getStartedAt() != null) {
            parts.add("started " + TimeText.instant(run.getStartedAt()));
            parts.add(TimeText.runDuration(run));
        }
        if (run.getWorkerPid() != null) {
            parts.add("worker pid " + run.getWorkerPid() + " on " + run.getWorkerNode());
        }
        if (run.getAttempts() > 1) {
            parts.add(run.getAttempts() + " attempts");
        }
        parts.add("by " + run.getCreatedBy());
        return " · " + String.join(" · ", parts);
    }

    private void showOutcome() {
        boolean finished = run.getStatus() == RunStatus.SUCCEEDED;
        outcome.setVisible(finished);
        if (!finished) {
            return;
        }
        evaluationLink.setHref("runs/" + run.getId() + "/evaluation");
        finalMetrics.show(run);
        Optional<ConfusionCounts> counts = artifacts.confusionMatrix(run);
        confusion.setVisible(counts.isPresent());
        counts.ifPresent(c -> confusion.setOption(ChartOptions.confusionMatrix(c.labels(), c.counts())));
        misclassifiedNote.setText("Reading the test texts...");
        misclassified.setItems(List.of());
        UI ui = UI.getCurrent();
        long shownRun = run.getId();
        artifacts.misclassifiedLater(run).whenComplete((examples, failure) -> ui.access(() -> {
            if (run == null || run.getId() != shownRun) {
                return;
            }
            if (failure != null) {
                misclassifiedNote.setText("The examples cannot be shown: " + rootMessage(failure));
                return;
            }
            misclassified.show(examples);
            misclassifiedNote.setText(examples.isEmpty() ? "The model got every test example right."
                    : examples.size() + " test examples misclassified; sort by confidence to see the surest mistakes.");
        }));
    }

    private void subscribe(UI ui) {
        unsubscribe();
        if (run == null) {
            return;
        }
        subscription = events.subscribe(run.getId(), event -> ui.access(() -> apply(event)));
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private void apply(RunEvent event) {
        if (run == null || event.runId() != run.getId()) {
            return;
        }
        if (event instanceof RunEvent.Progress p) {
            progress.show(p);
        } else if (event instanceof RunEvent.TrainLine line) {
            charts.append(line.line());
        } else if (event instanceof RunEvent.Evaluation evaluation) {
            charts.append(evaluation.evaluation());
            evaluations.append(evaluation.evaluation());
        } else if (event instanceof RunEvent.Diagnosed diagnosed) {
            diagnoses.add(diagnosed.diagnosis());
            charts.mark(artifacts.diagnoses(run));
        } else if (event instanceof RunEvent.LogLine line) {
            log.append(line.text());
        } else if (event instanceof RunEvent.StateChanged) {
            run = runs.get(run.getId());
            showState();
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 4000, Notification.Position.BOTTOM_START);
        } catch (RuntimeException e) {
            Notification error = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        run = runs.get(run.getId());
        showState();
    }

    /** The diagnosis's remedy becomes a debugged child experiment; its page opens, ready to run. */
    private void applyFix(DiagnosisKind kind) {
        try {
            Experiment child = fixes.applyFix(run.getId(), kind, user());
            Notification.show("Created " + child.getName() + ": run it, then compare it with its parent.", 5000,
                    Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.navigate("experiments/" + child.getId()));
        } catch (RuntimeException e) {
            Notification error = Notification.show("Cannot apply the fix: " + e.getMessage(), 6000,
                    Notification.Position.MIDDLE);
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private String user() {
        return authentication.getPrincipalName().orElse("unknown");
    }

    private static Component section(String heading, Component content) {
        H3 h3 = new H3(heading);
        h3.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-s) 0").set("font-size",
                "var(--lumo-font-size-l)");
        Div section = new Div(h3, content);
        section.setWidthFull();
        return section;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
