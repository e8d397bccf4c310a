package dev.bertlab.quickstart;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import dev.bertlab.security.SystemAuthentication;
import dev.bertlab.classify.DemoModelService;
import dev.bertlab.settings.SettingsService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * First start: seeds the demo experiments and queues the quickstart run, so that a new installation trains a
 * classifier on its own and the live demo works within minutes. The quickstart's model becomes the demo model
 * when it succeeds, unless an admin has chosen one.
 */
@Service
@Order(10)
public class QuickstartService implements ApplicationRunner {

    static final String RUN_SETTING = "quickstart.run";
    private static final Logger log = LoggerFactory.getLogger(QuickstartService.class);

    private final BertLabProperties properties;
    private final ExperimentService experiments;
    private final RunService runs;
    private final RunEvents events;
    private final SettingsService settings;
    private final DemoModelService demo;

    public QuickstartService(BertLabProperties properties, ExperimentService experiments, RunService runs,
            RunEvents events, SettingsService settings, DemoModelService demo) {
        this.properties = properties;
        this.experiments = experiments;
        this.runs = runs;
        this.events = events;
        this.settings = settings;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        events.subscribeAll(this::promoteWhenDone);
        quickstartRun().filter(run -> run.getStatus() == RunStatus.SUCCEEDED)
                .ifPresent(run -> promoteWhenDone(new RunEvent.StateChanged(run.getId(), RunStatus.SUCCEEDED, null)));
        if (properties.quickstart() && experiments.all().isEmpty()) {
            seed();
        }
    }

    /** The quickstart run, if this installation made one. */
    public Optional<TrainingRun> quickstartRun() {
        return settings.get(RUN_SETTING).map(Long::parseLong).flatMap(runs::find);
    }

    private void seed() {
        TrainingRun run = SystemAuthentication.callAs(Role.EDITOR, () -> {
            Experiment quickstart = experiments.save(SeedExperiments.quickstart(properties.quickstartExamples()),
                    SystemAuthentication.PRINCIPAL);
            SeedExperiments.others().forEach(e -> experiments.save(e, SystemAuthentication.PRINCIPAL));
            return runs.runNow(quickstart.getId(), SystemAuthentication.PRINCIPAL);
        });
        settings.set(RUN_SETTING, Long.toString(run.getId()));
        log.info("first start: seeded the demo experiments and queued the quickstart run {}", run.getId());
    }

    private void promoteWhenDone(RunEvent event) {
        if (event instanceof RunEvent.StateChanged changed && changed.status() == RunStatus.SUCCEEDED
                && settings.get(RUN_SETTING).map(id -> id.equals(Long.toString(changed.runId()))).orElse(false)) {
            try {
                if (demo.promoteDemoIfNoneSet(changed.runId())) {
                    log.info("the quickstart run {} is now the demo model", changed.runId());
                }
            } catch (RuntimeException e) {
                log.warn("the quickstart run {} succeeded but cannot be the demo model: {}", changed.runId(),
                        e.getMessage());
            }
        }
    }
}
