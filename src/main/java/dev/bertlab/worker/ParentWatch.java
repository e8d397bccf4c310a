package dev.bertlab.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * In a worker process: listens to the parent. A stop request on standard input asks the run to stop at its next
 * step. When the parent is gone (standard input closes, or its process no longer lives) the run is asked to stop
 * too, and the worker is ended after a short grace whatever it is doing: the node that recovers the run must
 * never find it still training here.
 */
final class ParentWatch {

    private static final Duration POLL = Duration.ofMillis(500);

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean parentGone = new AtomicBoolean();
    private final Duration orphanGrace;
    private final Runnable halt;

    ParentWatch(Duration orphanGrace, Runnable halt) {
        this.orphanGrace = orphanGrace;
        this.halt = halt;
    }

    /** Starts listening on {@code commands} and watching the process {@code parentPid} (none when negative). */
    ParentWatch start(InputStream commands, long parentPid) {
        daemon("bertlab-parent-commands", () -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(commands, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.strip().equals(WorkerProtocol.STOP)) {
                        stopRequested.set(true);
                    }
                }
            } catch (IOException e) {
                // a broken pipe is a parent that is gone
            }
            parentGone("its standard input closed");
        });
        if (parentPid > 0) {
            daemon("bertlab-parent-watch", () -> {
                while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                    sleep(POLL);
                }
                parentGone("process " + parentPid + " is gone");
            });
        }
        return this;
    }

    boolean stopRequested() {
        return stopRequested.get() || parentGone.get();
    }

    private void parentGone(String why) {
        if (!parentGone.compareAndSet(false, true)) {
            return;
        }
        System.err.println("bertlab worker: the parent has gone (" + why + "); stopping, at the latest in "
                + orphanGrace.toSeconds() + " s");
        daemon("bertlab-orphan-halt", () -> {
            sleep(orphanGrace);
            System.err.println("bertlab worker: still running " + orphanGrace.toSeconds()
                    + " s after the parent went; ending now");
            halt.run();
        });
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
