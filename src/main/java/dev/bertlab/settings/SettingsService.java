package dev.bertlab.settings;

import dev.bertlab.engine.onnx.Int8Report;
import dev.bertlab.classify.ClassifiableModel;
import dev.bertlab.classify.ClassifiableModels;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings an admin changes at run time, kept in the database so that they survive restarts; first among them the
 * demo model, the finished run whose model the stakeholder page at /demo shows.
 */
@Service
public class SettingsService {

    static final String DEMO_RUN = "demo.run_id";
    static final String DEMO_INT8 = "demo.int8";
    /** The most accuracy, in points on the run's test split, an int8 variant may lose to be offered. */
    public static final double INT8_MAX_LOSS_POINTS = Int8Report.MAX_LOSS_POINTS;

    private final AppSettingRepository settings;
    private final ClassifiableModels models;

    public SettingsService(AppSettingRepository settings, ClassifiableModels models) {
        this.settings = settings;
        this.models = models;
    }

    public Optional<String> get(String name) {
        return settings.findById(name).map(AppSetting::getValue);
    }

    @Transactional
    public void set(String name, String value) {
        settings.findById(name).ifPresentOrElse(setting -> setting.setValue(value),
                () -> settings.save(new AppSetting(name, value)));
    }

    @Transactional
    public void remove(String name) {
        settings.deleteById(name);
    }

    /** The run promoted to demo, whether or not its model is still there. */
    public Optional<Long> demoRunId() {
        return get(DEMO_RUN).map(Long::valueOf);
    }

    /** The demo model, when one was promoted and its model is still on disk. */
    public Optional<ClassifiableModel> demoModel() {
        return demoRunId().flatMap(models::find).map(model -> get(DEMO_INT8).isPresent() && int8Offered(model)
                ? model.inInt8() : model);
    }

    /**
     * Serves the demo model from its int8 graph, or from the float one again.
     *
     * @throws IllegalArgumentException when there is no demo model, or its int8 variant was not measured within
     *     {@value Int8Report#MAX_LOSS_POINTS} points of it
     */
    @Transactional
    public void serveDemoInInt8(boolean int8) {
        if (!int8) {
            if (settings.existsById(DEMO_INT8)) {
                remove(DEMO_INT8);
            }
            return;
        }
        ClassifiableModel demo = demoRunId().flatMap(models::find).orElseThrow(() -> new IllegalArgumentException(
                "there is no demo model to serve in int8"));
        if (!int8Offered(demo)) {
            throw new IllegalArgumentException("run " + demo.runId() + "'s int8 variant is not offered: measure it on "
                    + "the run's page first; it is offered when it loses at most " + Int8Report.MAX_LOSS_POINTS
                    + " accuracy points");
        }
        set(DEMO_INT8, "true");
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
    public ClassifiableModel promoteDemo(long runId) {
        ClassifiableModel model = models.find(runId).orElseThrow(() -> new IllegalArgumentException("run " + runId
                + " has no model to show: only a run that finished successfully, with its model on disk, can be "
                + "the demo"));
        set(DEMO_RUN, model.id());
        // another model: its int8 variant is a choice of its own
        if (settings.existsById(DEMO_INT8)) {
            remove(DEMO_INT8);
        }
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
    public void clearDemo() {
        if (settings.existsById(DEMO_RUN)) {
            remove(DEMO_RUN);
        }
    }
}
