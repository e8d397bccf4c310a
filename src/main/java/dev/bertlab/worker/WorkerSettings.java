package dev.bertlab.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How runs' worker processes are started.
 *
 * @param mainClass the application's main class, started with the classpath when the application does not run from
 *     its jar (tests, an IDE)
 * @param dataDirectory models, datasets and runs, as the parent sees them
 * @param jvmOptions options for each worker's JVM, e.g. {@code -Xmx4g}
 * @param stopGrace how long a worker asked to stop (cancel, shutdown) may take to reach its next step before it
 *     is killed
 * @param archives the configured folder of base-model archives ({@code bertlab.archives} from wherever the parent
 *     read it: a system property, application.properties or BERTLAB_ARCHIVES); null or blank: none
 */
public record WorkerSettings(String mainClass, Path dataDirectory, List<String> jvmOptions, Duration stopGrace,
        String archives) {

    public WorkerSettings {
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
        stopGrace = stopGrace == null ? Duration.ofSeconds(60) : stopGrace;
    }

    public WorkerSettings(String mainClass, Path dataDirectory, List<String> jvmOptions, Duration stopGrace) {
        this(mainClass, dataDirectory, jvmOptions, stopGrace, null);
    }

    /** Where the configs handed to workers are written. */
    Path scratch() {
        return dataDirectory.resolve("tmp").resolve("workers");
    }
}
