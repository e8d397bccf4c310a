package dev.bertlab.worker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's handle on one worker process: its messages go to a handler as they arrive (on a reader thread of
 * their own), everything else it prints goes into a log file, of which the last lines are kept for a crash's reason.
 */
final class WorkerProcess {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
    private static final int TAIL_LINES = 6;
    private static final int TAIL_LINE_LENGTH = 300;
    /** Printed by every libtorch at its first use: never the reason a worker died. */
    private static final String LIBTORCH_NOTICE = "AutoNonVariableTypeMode is deprecated";

    private final Process process;
    private final Writer commands;
    private final Writer log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread messages;
    private final Thread errors;
    private volatile WorkerMessage ending;

    private WorkerProcess(Process process, Writer log, Consumer<WorkerMessage> handler) {
        this.process = process;
        this.log = log;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.messages = reader("bertlab-worker-" + process.pid() + "-out", process.getInputStream(), line -> {
            var message = WorkerProtocol.parse(line);
            if (message.isEmpty()) {
                output(log, line);
                return;
            }
            if (message.get() instanceof WorkerMessage.Finished || message.get() instanceof WorkerMessage.Failed) {
                ending = message.get();
            }
            try {
                handler.accept(message.get());
            } catch (RuntimeException e) {
                LOG.warn("worker {}: a listener failed on {}: {}", process.pid(),
                        message.get().getClass().getSimpleName(), e.toString(), e);
            }
        });
        this.errors = reader("bertlab-worker-" + process.pid() + "-err", process.getErrorStream(),
                line -> output(log, line));
    }

    /** Starts {@code command}; its output that is not a message is appended to {@code logFile}. */
    static WorkerProcess start(List<String> command, Path logFile, Consumer<WorkerMessage> handler)
            throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        try {
            return new WorkerProcess(new ProcessBuilder(command).start(), log, handler);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the worker to stop at its next step and keep a checkpoint. */
    void requestStop() {
        try {
            commands.write(WorkerProtocol.STOP + "\n");
            commands.flush();
        } catch (IOException e) {
            LOG.debug("worker {} no longer reads its input: {}", process.pid(), e.toString());
        }
    }

    /** @return whether it ended within {@code timeout} */
    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void kill() {
        process.destroyForcibly();
    }

    /** Once the process has ended: how, after reading what it still had to say. */
    WorkerExit exit(boolean killedAfterStop) throws InterruptedException {
        int status = process.waitFor();
        messages.join(TimeUnit.SECONDS.toMillis(10));
        errors.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (tail) {
            try {
                log.close();
            } catch (IOException e) {
                LOG.debug("cannot close the worker's log: {}", e.toString());
            }
        }
        WorkerMessage last = ending;
        if (last instanceof WorkerMessage.Finished finished && !killedAfterStop) {
            return new WorkerExit.Finished(finished.summary());
        }
        if (last instanceof WorkerMessage.Failed failed && !killedAfterStop) {
            return new WorkerExit.Failed(failed.reason());
        }
        synchronized (tail) {
            return new WorkerExit.Crashed(process.pid(), status, List.copyOf(tail), killedAfterStop);
        }
    }

    private void output(Writer log, String line) {
        synchronized (tail) {
            if (!line.isBlank() && !line.contains(LIBTORCH_NOTICE)) {
                String kept = line.strip();
                tail.addLast(kept.length() > TAIL_LINE_LENGTH ? kept.substring(0, TAIL_LINE_LENGTH) + "..." : kept);
                while (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
            }
            try {
                log.write(line);
                log.write('\n');
                log.flush();
            } catch (IOException e) {
                LOG.debug("cannot write the worker's log: {}", e.toString());
            }
        }
    }

    private static Thread reader(String name, InputStream stream, Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                LOG.debug("{}: {}", name, e.toString());
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
