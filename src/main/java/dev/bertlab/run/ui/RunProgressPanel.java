package dev.bertlab.run.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import java.util.ArrayList;
import java.util.List;

/** Where the run is: a progress bar with step, epoch and the estimated time left. */
class RunProgressPanel extends VerticalLayout {

    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span text = new Span();

    RunProgressPanel() {
        setPadding(false);
        setSpacing(false);
        bar.setId("run-progress");
        text.setId("run-progress-text");
        text.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(bar, text);
    }

    void show(TrainingRun run) {
        bar.setIndeterminate(run.getStatus() == RunStatus.RUNNING && run.getTotalSteps() == 0);
        bar.setValue(Math.min(1, run.progress()));
        show(run.getStep(), run.getTotalSteps(), run.getEpoch(), run.getEpochs(),
                run.getStatus() == RunStatus.RUNNING ? run.getEtaSeconds() : null);
    }

    void show(RunEvent.Progress progress) {
        bar.setIndeterminate(false);
        bar.setValue(progress.totalSteps() == 0 ? 0 : (double) progress.step() / progress.totalSteps());
        show(progress.step(), progress.totalSteps(), progress.epoch(), progress.epochs(), progress.etaSeconds());
    }

    private void show(int step, int total, int epoch, int epochs, Double eta) {
        List<String> parts = new ArrayList<>();
        parts.add(total > 0 ? "step " + step + " / " + total : "preparing");
        if (epochs > 0 && epoch > 0) {
            parts.add("epoch " + epoch + " / " + epochs);
        }
        String etaText = TimeText.eta(eta);
        if (!etaText.isEmpty()) {
            parts.add(etaText);
        }
        text.setText(String.join(" · ", parts));
    }
}
