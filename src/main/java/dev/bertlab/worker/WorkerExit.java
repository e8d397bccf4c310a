package dev.bertlab.worker;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a worker process ended, as its parent saw it. */
public sealed interface WorkerExit {

    /** The run ended and the worker said how. */
    record Finished(dev.bertlab.engine.run.RunSummary summary) implements WorkerExit {
    }

    /** The run could not go on; the worker said why. */
    record Failed(String reason) implements WorkerExit {
    }

    /**
     * The worker died without saying how the run ended: killed by a signal (abort, segfault, the kernel's
     * out-of-memory killer, kill -9) or exited on its own.
     *
     * @param exitStatus the process's status (128 + the signal's number for a signal)
     * @param lastOutput the worker's last lines on standard error
     * @param killedAfterStop the parent killed it, for not stopping within the grace after a stop request
     */
    record Crashed(long pid, int exitStatus, List<String> lastOutput, boolean killedAfterStop) implements WorkerExit {

        private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 4, "SIGILL",
                6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

        public Crashed {
            lastOutput = List.copyOf(lastOutput);
        }

        /** The signal that ended it, or 0 when it exited by itself. */
        public int signal() {
            return exitStatus > 128 && exitStatus < 160 ? exitStatus - 128 : 0;
        }

        /** For people: what ended the worker, and what it last said. */
        public String reason() {
            StringBuilder text = new StringBuilder("the worker process (pid " + pid + ") ");
            if (killedAfterStop) {
                text.append("did not stop at a step in time after it was asked to, and was killed");
            } else if (signal() > 0) {
                String name = SIGNALS.getOrDefault(signal(), "signal " + signal());
                text.append(String.format(Locale.ROOT, "was killed by signal %d (%s)", signal(), name));
                if (signal() == 9) {
                    text.append(": by hand, or by the kernel's out-of-memory killer (see dmesg)");
                } else if (signal() == 6 || signal() == 11) {
                    text.append(": a crash in native code");
                }
            } else {
                text.append("exited with status ").append(exitStatus).append(" without saying how the run ended");
            }
            if (!lastOutput.isEmpty()) {
                text.append("; its last output: ").append(String.join(" | ", lastOutput));
            }
            return text.toString();
        }
    }
}
