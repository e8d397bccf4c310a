package dev.bertlab.engine.bench;

import ai.djl.Device;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.engine.pretrained.HuggingFaceModelDirectory;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The live classifier under concurrent callers, in process (no HTTP): a MiniLM classifier saved the way a run saves
 * it, served from its model.onnx with dynamic batching; each client classifies one review per call, back to back.
 */
final class ConcurrentClassify {

    /** A 73-token review (with [CLS] and [SEP]), the one tools/ClassifyLoad.java sends. */
    static final String REVIEW = "I bought this for my daughter and she loves it. The screen is bright, the battery "
            + "lasts two days, and setting it up took five minutes. The case feels a little cheap and the speaker "
            + "is quiet, but for the price it is a great little tablet and I would buy it again without a second "
            + "thought, maybe as a gift for my nephew.";

    /**
     * @param clients concurrent callers
     * @param calls calls per client
     * @param callsPerBatch requests the dynamic batcher ran together, on average
     * @param cpuMillisPerCall the process's CPU time (all its threads) per call
     * @param coresBusy the process's CPU time over the wall time: how many cores the level kept busy
     */
    record Level(int clients, int calls, double callsPerSecond, double p50Millis, double p99Millis,
            double callsPerBatch, double cpuMillisPerCall, double coresBusy) {

        /**
         * The most calls per second the machine's cores could serve at this level's CPU cost per call: what
         * batching can reach at best, whatever the number of clients.
         */
        double callsPerSecondWithAllCoresBusy(int cores) {
            return cores * 1000.0 / cpuMillisPerCall;
        }
    }

    private ConcurrentClassify() {
    }

    static List<Level> measure(ModelRegistry registry, PretrainedBert encoder, int[] clientsPerLevel, int calls)
            throws java.io.IOException {
        Path directory = Files.createTempDirectory("bertlab-bench-classifier");
        try {
            try (LoadedBert model = LoadedBert.create(encoder.config(), TaskHead.classification(2),
                    DropoutRates.NONE, Device.cpu(), encoder.weights(), 3)) {
                HuggingFaceModelDirectory.write(directory, new HuggingFaceModelDirectory.Export(encoder.config(),
                        DropoutRates.NONE, BertWeights.snapshot(model.network()), List.of("negative", "positive"),
                        encoder.tokenizerJson(), encoder.lowercase(), 128));
            }
            List<Level> levels = new ArrayList<>();
            try (TextClassifier classifier = TextClassifier.open(registry, directory.toString(), Device.cpu(), 0,
                    Truncation.HEAD)) {
                for (int clients : clientsPerLevel) {
                    run(classifier, clients, Math.max(2, calls / 5));
                    long batchesBefore = classifier.batches();
                    long requestsBefore = classifier.batchedRequests();
                    levels.add(level(classifier, clients, calls, batchesBefore, requestsBefore));
                }
            }
            return levels;
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Level level(TextClassifier classifier, int clients, int calls, long batchesBefore,
            long requestsBefore) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        double[] millis = run(classifier, clients, calls);
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpuStart;
        double seconds = wallNanos / 1e9;
        java.util.Arrays.sort(millis);
        double perBatch = (double) (classifier.batchedRequests() - requestsBefore)
                / Math.max(1, classifier.batches() - batchesBefore);
        return new Level(clients, calls, millis.length / seconds, millis[millis.length / 2],
                millis[Math.min(millis.length - 1, (int) Math.ceil(0.99 * millis.length) - 1)], perBatch,
                cpuNanos / 1e6 / millis.length, (double) cpuNanos / wallNanos);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double[] run(TextClassifier classifier, int clients, int calls) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<double[]>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    double[] mine = new double[calls];
                    for (int i = 0; i < calls; i++) {
                        long begin = System.nanoTime();
                        classifier.classify(List.of(REVIEW));
                        mine[i] = (System.nanoTime() - begin) / 1e6;
                    }
                    return mine;
                }));
            }
            double[] all = new double[clients * calls];
            for (int c = 0; c < clients; c++) {
                System.arraycopy(workers.get(c).get(), 0, all, c * calls, calls);
            }
            return all;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

}
