package dev.bertlab.settings;

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
        return demoRunId().flatMap(models::find);
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
