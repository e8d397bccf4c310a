package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.experiment.ExperimentRuns;
import dev.bertlab.web.UserMessages;

/** What an editor can do to an experiment from the list or its page: edit, clone, refine, run now. */
final class ExperimentActions {

    private ExperimentActions() {
    }

    static void edit(long id) {
        UI.getCurrent().navigate("experiments/" + id + "/edit");
    }

    static void cloneOf(long id) {
        UI.getCurrent().navigate("experiments/" + id + "/clone");
    }

    static void refine(long id) {
        UI.getCurrent().navigate("experiments/" + id + "/refine");
    }

    /** Queues a run; a failure (the run feature missing, a bad setting) is said, not thrown. */
    static void runNow(ExperimentRuns runs, AuthenticationContext authentication, long experimentId) {
        try {
            long runId = runs.runNow(experimentId, authentication.getPrincipalName().orElse("unknown"));
            UserMessages.success("Run #" + runId + " queued");
            UI.getCurrent().navigate("runs/" + runId);
        } catch (RuntimeException e) {
            UserMessages.error("Cannot start a run: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
    }
}
