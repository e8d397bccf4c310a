package dev.bertlab.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.bertlab.quickstart.QuickstartService;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Optional;

/** The start page: what BertLab is, where to go, and the quickstart run training live. */
@Route("")
@PageTitle("BertLab")
@PermitAll
public class HomeView extends VerticalLayout {

    private final QuickstartService quickstart;
    private final RunEvents events;
    private final Div quickstartPanel = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Span status = new Span();
    private final HorizontalLayout next = new HorizontalLayout();
    private Registration subscription;

    public HomeView(QuickstartService quickstart, RunEvents events) {
        this.quickstart = quickstart;
        this.events = events;
        add(new H1("BertLab"));
        add(new Paragraph("Fine-tune BERT text classifiers, debug and refine them, compare runs, and try a live "
                + "review classifier."));
        add(quickstartPanel());
        add(gettingStarted());
    }

    private Div quickstartPanel() {
        quickstartPanel.setId("quickstart");
        quickstartPanel.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)")
                .set("max-width", "720px").set("width", "100%");
        progress.setId("quickstart-progress");
        status.setId("quickstart-status");
        progressText.setId("quickstart-progress-text");
        quickstartPanel.add(new H3("Quickstart"), status, progress, progressText, next);
        return quickstartPanel;
    }

    private VerticalLayout gettingStarted() {
        VerticalLayout links = new VerticalLayout(new H3("Getting started"),
                new Anchor("experiments", "Define or refine an experiment"),
                new Anchor("runs", "Watch runs train, cancel or resume them"),
                new Anchor("compare", "Compare runs side by side"),
                new Anchor("try", "Try a classifier on your own text"),
                new Anchor("demo", "Open the demo page for stakeholders"));
        links.setPadding(false);
        links.setSpacing(false);
        return links;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Optional<TrainingRun> run = quickstart.quickstartRun();
        if (run.isEmpty()) {
            status.setText("No quickstart run on this installation.");
            progress.setVisible(false);
            return;
        }
        show(run.get());
        UI ui = event.getUI();
        long id = run.get().getId();
        subscription = events.subscribe(id, update -> ui.access(() -> apply(update)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private void apply(RunEvent update) {
        if (update instanceof RunEvent.Progress p) {
            progress.setValue(p.totalSteps() == 0 ? 0 : (double) p.step() / p.totalSteps());
            progressText.setText(String.format(Locale.ROOT, "step %d of %d, epoch %d of %d, about %s left", p.step(),
                    p.totalSteps(), p.epoch(), p.epochs(), duration(p.etaSeconds())));
        } else if (update instanceof RunEvent.StateChanged) {
            quickstart.quickstartRun().ifPresent(this::show);
        }
    }

    private void show(TrainingRun run) {
        status.setText("MiniLM learning IMDb review sentiment on this machine: " + describe(run.getStatus()));
        progress.setValue(run.progress());
        progressText.setText(run.getTotalSteps() == 0 ? "" : String.format(Locale.ROOT, "step %d of %d",
                run.getStep(), run.getTotalSteps()));
        next.removeAll();
        next.add(new Anchor("runs/" + run.getId(), "Open the run"));
        if (run.getStatus() == RunStatus.SUCCEEDED) {
            Double accuracy = run.getTestMetrics().get("accuracy");
            if (accuracy != null) {
                progressText.setText(String.format(Locale.ROOT, "test accuracy %.1f%%", 100 * accuracy));
            }
            Anchor tryIt = new Anchor("try", "Try the classifier");
            tryIt.setId("quickstart-try");
            next.add(tryIt, new Anchor("demo", "Open the demo"));
        }
    }

    private static String describe(RunStatus status) {
        return switch (status) {
            case QUEUED -> "waiting for a free slot";
            case RUNNING -> "training";
            case SUCCEEDED -> "done; its model is the demo model unless an admin chose another";
            case FAILED -> "failed (open the run for the reason)";
            case CANCELLED -> "cancelled";
            case DIVERGED -> "diverged";
        };
    }

    private static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "a moment";
        }
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
