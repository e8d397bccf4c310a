package dev.bertlab.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.BertLabApplication;
import dev.bertlab.engine.pretrained.TestModels;
import dev.bertlab.engine.run.FineTuneRun;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunSummary;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;
import dev.bertlab.engine.train.TrainingOutcome;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in real worker processes (child JVMs of this one, MiniLM on a slice of the Amazon sentences): what they
 * report, how they end, and that none outlives what it was started for.
 */
@Tag("slow")
class WorkerSupervisorTest {

    @TempDir
    Path temp;

    private RunConfig config(String name, int train) {
        return new RunConfig(name, "amazon", new RunConfig.SubsetSizes(train, 16, 32), 13L, "all-MiniLM-L6-v2",
                temp.resolve(name).toString(), "cpu", 1, Hyperparameters.builder().batchSize(16).epochs(1)
                        .maxLength(32).loggingSteps(1).learningRate(5e-5)
                        .evalStrategy(Hyperparameters.EvalStrategy.NO)
                        .saveStrategy(Hyperparameters.SaveStrategy.NO)
                        .loadBestModelAtEnd(false).build());
    }

    private WorkerSupervisor supervisor(Duration stopGrace) {
        return new WorkerSupervisor(new WorkerSettings(BertLabApplication.class.getName(),
                TestModels.dataDirectory(), List.of("-Xmx1g"), stopGrace));
    }

    /** Records what a run reports; can act on the first step it hears of. */
    private static final class Recorder implements TrainingEventListener {
        final List<Integer> steps = new CopyOnWriteArrayList<>();
        final List<String> notices = new CopyOnWriteArrayList<>();
        volatile TrainingEvents.Started started;
        volatile Runnable onFirstStep = () -> { };

        @Override
        public void onStarted(TrainingEvents.Started event) {
            started = event;
        }

        @Override
        public void onStep(TrainingEvents.StepLogged step) {
            steps.add(step.step());
            if (steps.size() == 1) {
                onFirstStep.run();
            }
        }

        @Override
        public void onNotice(TrainingEvents.Notice notice) {
            notices.add(notice.kind());
        }
    }

    @Test
    void aRunInAWorkerReportsItsEventsAndEndsExactlyAsTheSameRunInProcess() throws Exception {
        Recorder recorder = new Recorder();
        List<String> status = new CopyOnWriteArrayList<>();
        AtomicLong pid = new AtomicLong();
        WorkerExit exit = supervisor(Duration.ofSeconds(30)).run(config("in-worker", 64), false, List.of(recorder),
                status::add, () -> false, pid::set);

        assertThat(exit).as(exit.toString()).isInstanceOf(WorkerExit.Finished.class);
        RunSummary inWorker = ((WorkerExit.Finished) exit).summary();
        assertThat(pid.get()).isPositive().isNotEqualTo(ProcessHandle.current().pid());
        assertThat(recorder.started.totalSteps()).isEqualTo(4);
        assertThat(recorder.steps).containsExactly(1, 2, 3, 4);
        assertThat(status).anyMatch(line -> line.startsWith("dataset amazon"));
        assertThat(temp.resolve("in-worker").resolve(WorkerSupervisor.LOG_FILE)).isRegularFile();

        // the command line's train and the worker share one code path: the same seed gives the same run
        RunSummary inProcess = RunSummary.of(new FineTuneRun(DatasetCatalog.open(TestModels.dataDirectory()),
                ModelRegistry.inDataDirectory(TestModels.dataDirectory()), temp)
                .execute(config("in-process", 64), List.of(), line -> { }, () -> false, false));
        assertThat(inWorker.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        assertThat(inWorker.test()).isEqualTo(inProcess.test()).containsKey("accuracy");
        assertThat(inWorker.datasetFingerprint()).isEqualTo(inProcess.datasetFingerprint());
    }

    @Test
    void aStopRequestEndsTheRunCancelledAtAStepWithItsCheckpoint() throws Exception {
        Recorder recorder = new Recorder();
        AtomicBoolean stop = new AtomicBoolean();
        recorder.onFirstStep = () -> stop.set(true);
        WorkerExit exit = supervisor(Duration.ofSeconds(60)).run(config("stopped", 320), false, List.of(recorder),
                line -> { }, stop::get, pid -> { });

        assertThat(exit).as(exit.toString()).isInstanceOf(WorkerExit.Finished.class);
        TrainingOutcome outcome = ((WorkerExit.Finished) exit).summary().outcome();
        assertThat(outcome.reason()).isEqualTo(TrainingOutcome.FinishReason.CANCELLED);
        assertThat(outcome.steps()).isBetween(1, 19);
        assertThat(temp.resolve("stopped").resolve("checkpoints").resolve(String.format("step-%06d", outcome.steps()))
                .resolve("trainer_state.json")).isRegularFile();
    }

    @Test
    void aWorkerKilledWithSigkillIsACrashNamingTheSignal() throws Exception {
        WorkerExit.Crashed crashed = crashWith(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));

        assertThat(crashed.signal()).isEqualTo(9);
        assertThat(crashed.reason()).contains("killed by signal 9 (SIGKILL)").contains("out-of-memory killer");
    }

    @Test
    void aWorkerThatAbortsIsACrashNamingTheSignal() throws Exception {
        WorkerExit.Crashed crashed = crashWith(pid -> signal("ABRT", pid));

        assertThat(crashed.signal()).isEqualTo(6);
        assertThat(crashed.reason()).contains("killed by signal 6 (SIGABRT)").contains("crash in native code");
    }

    @Test
    void aWorkerIsHandedTheArchiveFolderItsParentWasConfiguredWith() {
        // the dashboard may read bertlab.archives from application.properties or BERTLAB_ARCHIVES; a worker's
        // engine reads only system properties, so before this a worker looked in the default places alone
        List<String> command = WorkerCommandLine.of(new WorkerSettings(BertLabApplication.class.getName(), temp,
                List.of(), null, "/srv/bertlab/archives"), temp.resolve("run.yaml"), false, 1);
        assertThat(command).contains("-Dbertlab.archives=/srv/bertlab/archives");
        assertThat(command.indexOf("-Dbertlab.archives=/srv/bertlab/archives")).isLessThan(command.indexOf(
                "worker-run"));
    }

    @Test
    void aWorkerWhoseParentIsGoneStopsWithinSeconds() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Path configFile = temp.resolve("orphan.yaml");
        config("orphan", 640).write(configFile);
        List<String> command = WorkerCommandLine.of(new WorkerSettings(BertLabApplication.class.getName(),
                TestModels.dataDirectory(), List.of("-Xmx1g"), Duration.ofSeconds(30)), configFile, false, 1)
                .stream().map(arg -> arg.startsWith("--parent=") ? "--parent=" + parent.pid() : arg).toList();
        Path log = temp.resolve("orphan.log");
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await("the worker's first step", Duration.ofSeconds(120), () -> {
                assertThat(worker.isAlive()).as("the worker is alive; it printed: %s", read(log)).isTrue();
                return read(log).contains("\"type\":\"step\"");
            });
            parent.destroyForcibly();
            long goneAt = System.nanoTime();
            assertThat(worker.waitFor(15, TimeUnit.SECONDS)).as("the worker ended after its parent went")
                    .isTrue();
            assertThat((System.nanoTime() - goneAt) / 1e9).isLessThan(15);
            assertThat(Files.readString(log)).contains("the parent has gone");
        } finally {
            worker.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    private WorkerExit.Crashed crashWith(java.util.function.LongConsumer kill) throws Exception {
        Recorder recorder = new Recorder();
        AtomicLong pid = new AtomicLong();
        recorder.onFirstStep = () -> kill.accept(pid.get());
        WorkerExit exit = supervisor(Duration.ofSeconds(30)).run(config("crash", 320), false, List.of(recorder),
                line -> { }, () -> false, pid::set);
        assertThat(exit).as(exit.toString()).isInstanceOf(WorkerExit.Crashed.class);
        assertThat(ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        return (WorkerExit.Crashed) exit;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void signal(String name, long pid) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
