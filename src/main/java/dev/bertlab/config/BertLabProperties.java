package dev.bertlab.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's settings ({@code bertlab.*} in application.properties, or environment variables).
 *
 * @param data the data directory: models, datasets, runs, the H2 database
 * @param cpuSlots runs that may train on the CPU at the same time (GPU slots: one per GPU)
 * @param threads PyTorch intra-op threads per process; 0 keeps the engine's default
 * @param adminPassword the first admin's password; empty: one is generated and printed once at first start
 * @param quickstart schedule the quickstart run (MiniLM on an IMDb slice) at first start
 * @param quickstartExamples the quickstart's IMDb reviews for training, validation and test (a smaller slice for a
 *     slower machine, or a smoke test)
 * @param models the models folder: besides the registry's names and finished runs, the dashboard and the API
 *        take a base model only from a Hugging Face model directory in here; default {@code <data>/models}
 * @param nodeName this node's name, shown on the run page beside the worker's pid; default the host name
 * @param worker how runs' worker processes are started
 */
@ConfigurationProperties("bertlab")
public record BertLabProperties(Path data, Integer cpuSlots, Integer threads, String adminPassword,
        Boolean quickstart, List<Integer> quickstartExamples, Path models, String nodeName, Worker worker,
        Cluster cluster, String matmulPrecision) {

    /** The Spring profile of a worker-only node ({@code bertlab worker}, application-worker.properties). */
    public static final String WORKER_PROFILE = "worker";

    private static final List<Integer> QUICKSTART_EXAMPLES = List.of(2000, 200, 500);

    public BertLabProperties {
        data = data == null ? Path.of("data") : data;
        cpuSlots = cpuSlots == null ? 1 : Math.max(0, cpuSlots); // 0: a node that trains on its GPUs only, or not at all
        threads = threads == null ? 0 : threads;
        adminPassword = adminPassword == null ? "" : adminPassword;
        quickstart = quickstart == null || quickstart;
        quickstartExamples = quickstartExamples == null ? QUICKSTART_EXAMPLES : List.copyOf(quickstartExamples);
        if (quickstartExamples.size() != 3 || quickstartExamples.stream().anyMatch(n -> n == null || n < 2)) {
            throw new IllegalArgumentException("bertlab.quickstart-examples needs three sizes of at least 2 "
                    + "(training, validation, test reviews), got " + quickstartExamples);
        }
        models = models == null ? data.resolve("models") : models;
        nodeName = nodeName == null || nodeName.isBlank() ? hostName() : nodeName.strip();
        worker = worker == null ? new Worker(null, null) : worker;
        cluster = cluster == null ? new Cluster(null, null, null) : cluster;
        dev.bertlab.engine.MatmulPrecision.of(matmulPrecision); // fails at start on a typo
    }

    /**
     * Each run trains in a child JVM of its own.
     *
     * @param jvmOptions options for each worker's JVM, e.g. {@code -Xmx4g} (default: none, the JVM's own)
     * @param stopGrace how long a worker asked to stop (cancel, shutdown) may take to reach its next step before it
     *     is killed (default 60 s)
     */
    public record Worker(List<String> jvmOptions, java.time.Duration stopGrace) {

        public Worker {
            jvmOptions = jvmOptions == null ? List.of() : jvmOptions.stream().filter(o -> !o.isBlank()).toList();
            stopGrace = stopGrace == null ? java.time.Duration.ofSeconds(60) : stopGrace;
        }
    }

    /** This machine's host name, or HOSTNAME when it cannot be resolved. */
    /**
     * How the nodes sharing one database keep track of each other: each says it is alive every {@code heartbeat}
     * and renews the leases of the runs it trains by {@code lease}; each looks at the queue every
     * {@code dispatchInterval} (and at once when a run is queued or ends on it).
     */
    public record Cluster(java.time.Duration heartbeat, java.time.Duration lease,
            java.time.Duration dispatchInterval) {

        public Cluster {
            heartbeat = heartbeat == null ? java.time.Duration.ofSeconds(10) : heartbeat;
            lease = lease == null ? java.time.Duration.ofSeconds(30) : lease;
            dispatchInterval = dispatchInterval == null ? java.time.Duration.ofSeconds(5) : dispatchInterval;
            if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("bertlab.cluster.lease (" + lease + ") must be at least two "
                        + "heartbeats (bertlab.cluster.heartbeat " + heartbeat + "), or a busy node loses its runs");
            }
        }
    }

    public static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
    }

    public Path runs() {
        return data.resolve("runs");
    }
}
