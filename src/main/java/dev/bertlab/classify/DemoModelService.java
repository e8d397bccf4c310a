package dev.bertlab.classify;

import dev.bertlab.engine.onnx.Int8Report;
import dev.bertlab.security.Role;
import dev.bertlab.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo model: the finished run whose model the stakeholder page at /demo and the API's "demo" serve, chosen by an
 * admin (the quickstart's model until then), served in float or, when its int8 variant was measured close enough,
 * in int8. Kept in the settings so that it survives restarts.
 */
@Service
public class DemoModelService {

    static final String DEMO_RUN = "demo.run_id";
    static final String DEMO_INT8 = "demo.int8";
    /** The most accuracy, in points on the run's test split, an int8 variant may lose to be offered. */
    public static final double INT8_MAX_LOSS_POINTS = Int8Report.MAX_LOSS_POINTS;

    private final SettingsService settings;
    private final ClassifiableModels models;

    public DemoModelService(SettingsService settings, ClassifiableModels models) {
        this.settings = settings;
        this.models = models;
    }

    /** The run promoted to demo, whether or not its model is still there. */
    public Optional<Long> demoRunId() {
        return settings.get(DEMO_RUN).map(Long::valueOf);
    }

    /** The demo model, when one was promoted and its model is still on disk. */
    public Optional<ClassifiableModel> demoModel() {
        return demoRunId().flatMap(models::find)
                .map(model -> settings.get(DEMO_INT8).isPresent() && int8Offered(model) ? model.inInt8() : model);
    }

    /**
     * Serves the demo model from its int8 graph, or from the float one again.
     *
     * @throws IllegalArgumentException when there is no demo model, or its int8 variant was not measured within
     *     {@value Int8Report#MAX_LOSS_POINTS} points of it
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void serveDemoInInt8(boolean int8) {
        if (!int8) {
            settings.remove(DEMO_INT8);
            return;
        }
        ClassifiableModel demo = demoRunId().flatMap(models::find).orElseThrow(() -> new IllegalArgumentException(
                "there is no demo model to serve in int8"));
        if (!int8Offered(demo)) {
            throw new IllegalArgumentException("run " + demo.runId() + "'s int8 variant is not offered: measure it on "
                    + "the run's page first; it is offered when it loses at most " + Int8Report.MAX_LOSS_POINTS
                    + " accuracy points");
        }
        settings.set(DEMO_INT8, "true");
    }

    /** Whether the model's int8 variant was measured and lost at most the allowed accuracy. */
    public static boolean int8Offered(ClassifiableModel model) {
        return Int8Report.read(model.directory()).map(Int8Report::offered).orElse(false);
    }

    /**
     * Makes the run's model the demo model (replacing any other).
     *
     * @throws IllegalArgumentException when the run has not finished successfully or its model is gone
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public ClassifiableModel promoteDemo(long runId) {
        ClassifiableModel model = models.find(runId).orElseThrow(() -> new IllegalArgumentException("run " + runId
                + " has no model to show: only a run that finished successfully, with its model on disk, can be "
                + "the demo"));
        settings.set(DEMO_RUN, model.id());
        // another model: its int8 variant is a choice of its own
        settings.remove(DEMO_INT8);
        return model;
    }

    /**
     * Makes the run's model the demo model unless a usable one is set already: the quickstart run's model is the
     * demo until an admin chooses another.
     *
     * <p>Its own transaction: it is called from a run event delivered after the run's transaction committed, where
     * Spring still has that finished transaction bound to the thread; joining it, the write was never committed (the
     * log said the quickstart had become the demo while the demo page said none was chosen).
     *
     * @return whether the run became the demo
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean promoteDemoIfNoneSet(long runId) {
        if (demoModel().isPresent()) {
            return false;
        }
        promoteDemo(runId);
        return true;
    }

    /** No demo model: the demo page says that one is yet to be chosen. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void clearDemo() {
        settings.remove(DEMO_RUN);
    }
}
