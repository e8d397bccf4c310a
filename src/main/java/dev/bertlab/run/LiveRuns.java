package dev.bertlab.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The runs training in this process, with their stop flags. A run is registered once: a second execution of the
 * same run in this process is refused, whatever triggered it.
 */
@Component
public class LiveRuns {

    /** One training run in this process. */
    public static final class LiveRun {
        private final long runId;
        private volatile boolean cancelRequested;
        private volatile boolean shutdown;
        private volatile boolean leaseLost;
        private final CountDownLatch finished = new CountDownLatch(1);

        private LiveRun(long runId) {
            this.runId = runId;
        }

        public long runId() {
            return runId;
        }

        /** Someone asked to cancel the run: it stops at the next step and keeps its checkpoint. */
        public boolean cancelRequested() {
            return cancelRequested;
        }

        /** The application is shutting down: the run stops at the next step and resumes at the next start. */
        public boolean interruptedByShutdown() {
            return shutdown;
        }

        /**
         * Another node took the run back (this node failed to renew its lease in time): it stops here at once and
         * leaves its state to the node that has it now.
         */
        public boolean leaseLost() {
            return leaseLost;
        }

        public boolean stopRequested() {
            return cancelRequested || shutdown || leaseLost;
        }
    }

    private final Map<Long, LiveRun> live = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** Registers a run about to train; empty when it trains already or the application is stopping. */
    public synchronized Optional<LiveRun> begin(long runId) {
        if (stopping || live.containsKey(runId)) {
            return Optional.empty();
        }
        LiveRun run = new LiveRun(runId);
        live.put(runId, run);
        return Optional.of(run);
    }

    public void end(LiveRun run) {
        live.remove(run.runId, run);
        run.finished.countDown();
    }

    public boolean isLive(long runId) {
        return live.containsKey(runId);
    }

    public void requestCancel(long runId) {
        LiveRun run = live.get(runId);
        if (run != null) {
            run.cancelRequested = true;
        }
    }

    /** The runs training in this process now. */
    public List<Long> runIds() {
        return List.copyOf(live.keySet());
    }

    public void loseLease(long runId) {
        LiveRun run = live.get(runId);
        if (run != null) {
            run.leaseLost = true;
        }
    }

    public boolean isStopping() {
        return stopping;
    }

    /**
     * Asks every live run to stop at its next step (each saves a checkpoint) and waits for them, at most
     * {@code timeout} in all. New runs are refused from now on.
     *
     * @return whether all stopped in time
     */
    public boolean stopAll(Duration timeout) {
        List<LiveRun> running;
        synchronized (this) {
            stopping = true;
            running = List.copyOf(live.values());
        }
        running.forEach(run -> run.shutdown = true);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (LiveRun run : running) {
                if (!run.finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
