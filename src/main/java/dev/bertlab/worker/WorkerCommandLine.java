package dev.bertlab.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * How this process starts a worker: the same Java, the same code (the application jar, or the classpath a test or
 * an IDE runs with), the engine's process settings passed on, and the worker's own JVM options.
 */
final class WorkerCommandLine {

    /** System properties a worker inherits from its parent, when set there. */
    private static final List<String> INHERITED = List.of("ai.djl.offline", "ai.djl.pytorch.num_interop_threads",
            "ai.djl.pytorch.num_threads", "bertlab.archives", "bertlab.debug", "TOKENIZERS_PARALLELISM");

    private WorkerCommandLine() {
    }

    static List<String> of(WorkerSettings settings, Path config, boolean resume, int threads) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(settings.jvmOptions());
        for (String property : INHERITED) {
            String value = System.getProperty(property);
            if (property.equals("ai.djl.pytorch.num_threads") && threads > 0) {
                value = Integer.toString(threads);
            } else if (property.equals("bertlab.archives") && settings.archives() != null
                    && !settings.archives().isBlank()) {
                // the parent may have it from application.properties or BERTLAB_ARCHIVES, which the worker's
                // engine (no Spring) does not read
                value = settings.archives();
            }
            if (value != null && !value.isBlank()) {
                command.add("-D" + property + "=" + value);
            }
        }
        String classpath = System.getProperty("java.class.path");
        if (isApplicationJar(classpath)) {
            command.add("-jar");
            command.add(classpath);
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(settings.mainClass());
        }
        command.add("worker-run");
        command.add("--config=" + config.toAbsolutePath());
        command.add("--data=" + settings.dataDirectory().toAbsolutePath());
        command.add("--parent=" + ProcessHandle.current().pid());
        if (resume) {
            command.add("--resume");
        }
        return command;
    }

    /** Spring Boot's executable jar keeps the classes inside: it starts only with -jar. */
    private static boolean isApplicationJar(String classpath) {
        if (classpath == null || classpath.contains(java.io.File.pathSeparator) || !classpath.endsWith(".jar")
                || !Files.isRegularFile(Path.of(classpath))) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpath, e);
        }
    }
}
