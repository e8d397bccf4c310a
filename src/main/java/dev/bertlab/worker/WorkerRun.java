package dev.bertlab.worker;

import dev.bertlab.engine.run.FailureReason;
import dev.bertlab.engine.run.FineTuneRun;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunResult;
import dev.bertlab.engine.run.RunSummary;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The worker process's side of a run: trains it with the engine, exactly as the command line's {@code train} does,
 * and reports to the parent through {@link WorkerProtocol}. Its exit status says how the run ended
 * ({@link #EXIT_FINISHED} with a {@link WorkerMessage.Finished} line, {@link #EXIT_FAILED} with a
 * {@link WorkerMessage.Failed} line); any other status is a crash.
 */
public final class WorkerRun {

    public static final int EXIT_FINISHED = 0;
    public static final int EXIT_FAILED = 1;
    /** How long a worker whose parent is gone may take to stop at a step before it is ended. */
    public static final Duration ORPHAN_GRACE = Duration.ofSeconds(5);

    private final FineTuneRun engine;

    public WorkerRun(FineTuneRun engine) {
        this.engine = engine;
    }

    /**
     * @param commands the parent's requests (standard input)
     * @param parent where messages go (standard output, and nothing else may write there)
     * @param parentPid the parent's process, watched so that an orphaned worker stops; 0 watches only the input
     */
    public int run(RunConfig config, boolean resume, InputStream commands, PrintStream parent, long parentPid) {
        WorkerReporter reporter = new WorkerReporter(parent);
        ParentWatch watch = new ParentWatch(ORPHAN_GRACE, () -> Runtime.getRuntime().halt(EXIT_FAILED))
                .start(commands, parentPid);
        try {
            RunResult result = engine.execute(config, List.of(reporter),
                    line -> reporter.send(new WorkerMessage.Status(line)), watch::stopRequested, resume);
            reporter.send(new WorkerMessage.Finished(RunSummary.of(result)));
            return EXIT_FINISHED;
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            reporter.send(new WorkerMessage.Failed(FailureReason.of(failure)));
            return EXIT_FAILED;
        }
    }
}
