package dev.bertlab.support;

import dev.bertlab.BertLabApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application in a JVM of its own, from the test's classpath, with the test JVM's engine settings: a server (or
 * a worker node) that a test can kill like a crashed one.
 */
public final class ChildApplication {

    private ChildApplication() {
    }

    /**
     * @param heap the child's -Xmx, e.g. "3g"
     * @param arguments the application's arguments ("worker" first for a worker node; "--name=value" settings)
     * @param log where the child's output goes
     */
    public static Process start(String heap, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        for (String property : List.of("bertlab.archives", "ai.djl.offline", "ai.djl.pytorch.num_threads",
                "ai.djl.pytorch.num_interop_threads")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BertLabApplication.class.getName());
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
