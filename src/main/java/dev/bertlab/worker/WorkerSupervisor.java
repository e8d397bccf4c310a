package dev.bertlab.worker;

import dev.bertlab.engine.diagnose.DiagnosisListener;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.train.TrainingEventListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains runs in worker processes: one child JVM per run, whose events reach the given listeners as if the run
 * trained here. A run in a process of its own shares no native state, no garbage collector and no crash with the
 * dashboard or with other runs.
 */
public final class WorkerSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerSupervisor.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** The worker's own log, in the run directory: what it printed besides its messages. */
    public static final String LOG_FILE = "worker.log";

    private final WorkerSettings settings;
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();

    public WorkerSupervisor(WorkerSettings settings) {
        this.settings = settings;
    }

    /**
     * Trains {@code config} in a new worker process and waits until it ends.
     *
     * @param listeners hear of the run's events (a listener that is also a {@link DiagnosisListener} of its
     *     diagnoses), on a reader thread
     * @param status receives the run's preparation lines
     * @param stopWanted asked a few times a second: once true, the worker is asked to stop at its next step and
     *     killed when it has not after the grace
     * @param started told the worker's pid once it runs
     */
    public WorkerExit run(RunConfig config, boolean resume, List<TrainingEventListener> listeners,
            Consumer<String> status, BooleanSupplier stopWanted, LongConsumer started)
            throws IOException, InterruptedException {
        Files.createDirectories(settings.scratch());
        Path configFile = Files.createTempFile(settings.scratch(), config.name() + "-", ".yaml");
        try {
            config.write(configFile);
            List<String> command = WorkerCommandLine.of(settings, configFile, resume, config.threads());
            Path runDirectory = config.output() != null ? Path.of(config.output())
                    : settings.dataDirectory().resolve("runs").resolve(config.name());
            WorkerProcess worker = WorkerProcess.start(command, runDirectory.resolve(LOG_FILE),
                    message -> deliver(message, listeners, status));
            live.add(worker);
            try {
                LOG.info("run {} trains in worker process {}", config.name(), worker.pid());
                started.accept(worker.pid());
                return supervise(worker, stopWanted);
            } finally {
                live.remove(worker);
            }
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    /** Kills the workers still running (the application is going, and waited for them as long as it could). */
    public void killAll() {
        for (WorkerProcess worker : live) {
            LOG.warn("killing worker process {}: still running as the application stops", worker.pid());
            worker.kill();
        }
    }

    private WorkerExit supervise(WorkerProcess worker, BooleanSupplier stopWanted) throws InterruptedException {
        long stopAskedAt = 0;
        boolean killed = false;
        while (!worker.waitFor(POLL)) {
            if (stopAskedAt == 0 && stopWanted.getAsBoolean()) {
                worker.requestStop();
                stopAskedAt = System.nanoTime();
            } else if (stopAskedAt != 0 && !killed
                    && System.nanoTime() - stopAskedAt > settings.stopGrace().toNanos()) {
                LOG.warn("worker process {} did not stop within {} s: killing it", worker.pid(),
                        settings.stopGrace().toSeconds());
                worker.kill();
                killed = true;
            }
        }
        return worker.exit(killed);
    }

    private static void deliver(WorkerMessage message, List<TrainingEventListener> listeners, Consumer<String> status) {
        if (message instanceof WorkerMessage.Status line) {
            status.accept(line.line());
        } else if (message instanceof WorkerMessage.Started started) {
            listeners.forEach(l -> l.onStarted(started.event()));
        } else if (message instanceof WorkerMessage.Step step) {
            listeners.forEach(l -> l.onStep(step.event()));
        } else if (message instanceof WorkerMessage.Evaluation evaluation) {
            listeners.forEach(l -> l.onEvaluation(evaluation.event()));
        } else if (message instanceof WorkerMessage.Progress progress) {
            listeners.forEach(l -> l.onProgress(progress.event()));
        } else if (message instanceof WorkerMessage.Notice notice) {
            listeners.forEach(l -> l.onNotice(notice.event()));
        } else if (message instanceof WorkerMessage.Diagnosed diagnosed) {
            listeners.stream().filter(DiagnosisListener.class::isInstance).map(DiagnosisListener.class::cast)
                    .forEach(l -> l.onDiagnosis(diagnosed.diagnosis()));
        }
    }
}
