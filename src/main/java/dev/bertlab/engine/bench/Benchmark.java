package dev.bertlab.engine.bench;

import ai.djl.Device;
import dev.bertlab.engine.ComputeDevice;
import dev.bertlab.engine.LibTorchMatmul;
import dev.bertlab.engine.MatmulPrecision;
import dev.bertlab.engine.TensorMemoryReuse;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.onnx.BertOnnxExporter;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's speed on this machine, printed as a table with the targets beside the figures: training
 * throughput of MiniLM (32 x 128) and BERT-base (8 x 128), the optimizer's share of a step, batch-1 forward
 * latency, the measured matrix-multiply peak and model-FLOPs utilisation, and on IMDb the token slots length
 * bucketing saves over padding to 512.
 */
public final class Benchmark {

    /**
     * @param steps measured training steps per model
     * @param warmup unmeasured steps before them
     * @param includeBertBase also measure BERT-base (about 4 s a step on 2 cores)
     * @param includeImdb also measure padding on IMDb's training split (tokenizes 20,000 reviews)
     */
    public record Settings(int steps, int warmup, boolean includeBertBase, boolean includeImdb,
            MatmulPrecision matmulPrecision, Path peerScript) {

        public Settings(int steps, int warmup, boolean includeBertBase, boolean includeImdb) {
            this(steps, warmup, includeBertBase, includeImdb, null, null);
        }
    }

    /**
     * Profiles MiniLM training steps with libtorch's profiler and prints the operators that take the time.
     *
     * @param trace where the Chrome trace goes (open it in a trace viewer for the timeline)
     */
    public void profile(int steps, MatmulPrecision precision, Path trace) throws IOException {
        Device device = ComputeDevice.select("auto");
        LibTorchMatmul.set(precision != null ? precision : MatmulPrecision.defaultFor(device.isGpu()));
        PretrainedBert minilm = models.load("all-MiniLM-L6-v2", message -> { });
        TrainingThroughput.Result result = TrainingThroughput.measure(minilm, device, 32, 128, 2, steps, trace);
        out.printf(Locale.ROOT, "MiniLM 32 x 128 under the profiler: %.2f s per step (the profiler adds its own cost)%n",
                result.stepSeconds());
        StepProfile.print(StepProfile.read(trace), steps, 25, out);
        out.println("trace: " + trace.toAbsolutePath());
    }

    private final ModelRegistry models;
    private final DatasetCatalog datasets;
    private final PrintStream out;

    public Benchmark(ModelRegistry models, DatasetCatalog datasets, PrintStream out) {
        this.models = models;
        this.datasets = datasets;
        this.out = out;
    }

    public void run(Settings settings) throws IOException {
        Device device = ComputeDevice.select("auto");
        MatmulPrecision precision = settings.matmulPrecision() != null ? settings.matmulPrecision()
                : MatmulPrecision.defaultFor(device.isGpu());
        String matmul = LibTorchMatmul.set(precision).map(MatmulPrecision::text).orElse("libtorch's default");
        TensorMemoryReuse.enable();
        out.printf(Locale.ROOT, "BertLab benchmark on %s, %d PyTorch thread(s), %d processors, matmul precision %s, "
                + "freed tensor memory %s%n", device, ComputeDevice.threads(),
                Runtime.getRuntime().availableProcessors(), matmul, TensorMemoryReuse.describe());
        double peak = MatmulPeak.measure(device, 2048, 5);
        out.printf(Locale.ROOT, "fp32 matmul peak (2048^3, best of 5): %.1f GFLOP/s%n%n", peak / 1e9);

        out.println("| model | batch x length | step s | samples/s | tokens/s | optimizer share | MFU | target |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        PretrainedBert minilm = models.load("all-MiniLM-L6-v2", message -> { });
        TrainingThroughput.Result small = TrainingThroughput.measure(minilm, device, 32, 128, settings.warmup(),
                settings.steps());
        row(small, peak, 13.0);
        keep(small);
        TargetTable.Measured measured = new TargetTable.Measured();
        measured.miniLmTrain = small.samplesPerSecond();
        PretrainedBert bertBase = null;
        if (settings.includeBertBase()) {
            bertBase = models.load("bert-base-uncased", message -> { });
            TrainingThroughput.Result large = TrainingThroughput.measure(bertBase, device, 8, 128, settings.warmup(),
                    settings.steps());
            row(large, peak, 2.0);
            keep(large);
            measured.bertBaseTrain = large.samplesPerSecond();
        }
        out.println();
        out.println("| model | forward latency, batch 1 x 128 (median of 20) |");
        out.println("| --- | --- |");
        measured.miniLmForwardEngine = ForwardLatency.medianMillis(minilm, device, 128, 5, 20);
        out.printf(Locale.ROOT, "| all-MiniLM-L6-v2 | %.1f ms |%n", measured.miniLmForwardEngine);
        if (bertBase != null) {
            measured.bertBaseForwardEngine = ForwardLatency.medianMillis(bertBase, device, 128, 5, 20);
            out.printf(Locale.ROOT, "| bert-base-uncased | %.1f ms |%n", measured.bertBaseForwardEngine);
        }
        serving(minilm, bertBase, measured);
        if (settings.includeImdb()) {
            out.println();
            padding(minilm);
        }
        Optional<PeerBench.Figures> peer = Optional.empty();
        if (settings.peerScript() != null) {
            out.println();
            peer = PeerBench.run(settings.peerScript(), settings.includeBertBase(), out);
        }
        TargetTable.print(out, measured, peer);
    }

    /** The classifier as the dashboard serves it: exported to ONNX and run by ONNX Runtime. */
    private void serving(PretrainedBert minilm, PretrainedBert bertBase, TargetTable.Measured measured)
            throws IOException {
        out.println();
        out.println("| model | serving path, batch 1 x 128 (median of 50) | ms |");
        out.println("| --- | --- | --- |");
        for (PretrainedBert model : bertBase == null ? List.of(minilm) : List.of(minilm, bertBase)) {
            for (BertOnnxExporter.Operators operators : List.of(BertOnnxExporter.Operators.STANDARD,
                    BertOnnxExporter.Operators.ONNX_RUNTIME)) {
                out.printf(Locale.ROOT, "| %s | ONNX Runtime, exported graph, %s operators | %.1f |%n", model.name(),
                        operators.name().toLowerCase(Locale.ROOT),
                        ServingLatency.exportedMillis(model, operators, 128, 10, 50));
            }
        }
        double fp32 = ServingLatency.exportedMillis(minilm, BertOnnxExporter.Operators.ONNX_RUNTIME, 128, 10, 50);
        double int8 = ServingLatency.exportedMillis(minilm, BertOnnxExporter.Operators.ONNX_RUNTIME_INT8, 128, 10, 50);
        out.printf(Locale.ROOT, "| %s | ONNX Runtime, int8 graph, measured right after fp32 (%.1f ms) | %.1f "
                + "(%.2fx faster; target >= 1.5x) |%n", minilm.name(), fp32, int8, fp32 / int8);
        measured.int8Serving = int8;
        measured.int8Fp32Serving = fp32;
        measured.int8Reason = int8Breakdown(minilm);
        measured.miniLmServing = fp32;
        Path reference = models.unpack(models.find("all-MiniLM-L6-v2").orElseThrow(), message -> { })
                .resolve("model.onnx");
        if (Files.isRegularFile(reference)) {
            measured.miniLmReferenceGraph = ServingLatency.referenceMillis(reference, minilm.config(), 128, 10, 50);
            out.printf(Locale.ROOT, "| %s | ONNX Runtime, reference encoder graph (model.onnx of the bundle) | %.1f |%n",
                    minilm.name(), measured.miniLmReferenceGraph);
        }
        out.println();
        out.println("| clients (in process, one review per call) | calls/s | p50 ms | p99 ms | calls per batch "
                + "| CPU ms per call | cores busy |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        List<ConcurrentClassify.Level> levels = ConcurrentClassify.measure(models, minilm, new int[] {1, 4, 16}, 40);
        for (ConcurrentClassify.Level level : levels) {
            out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |%n", level.clients(),
                    level.callsPerSecond(), level.p50Millis(), level.p99Millis(), level.callsPerBatch(),
                    level.cpuMillisPerCall(), level.coresBusy());
        }
        ConcurrentClassify.Level one = levels.get(0);
        ConcurrentClassify.Level sixteen = levels.get(2);
        measured.oneCaller = one.callsPerSecond();
        measured.sixteenCallers = sixteen.callsPerSecond();
        int cores = Runtime.getRuntime().availableProcessors();
        measured.scalingReason = String.format(Locale.ROOT, "one client already kept %.2f of %d cores busy; batched "
                + "16 at a time a review still took %.1f ms of CPU (%.1f alone), so %d cores serve at most %.0f calls/s, "
                + "%.2fx one client", one.coresBusy(), cores, sixteen.cpuMillisPerCall(), one.cpuMillisPerCall(),
                cores, sixteen.callsPerSecondWithAllCoresBusy(cores),
                sixteen.callsPerSecondWithAllCoresBusy(cores) / one.callsPerSecond());
    }

    /**
     * Profiles the float and int8 graphs per operator type and says what bounds the int8 speed-up: the operators
     * that stay in float.
     */
    private String int8Breakdown(PretrainedBert minilm) throws IOException {
        OnnxOperatorProfile.Profile fp32 = ServingLatency.exportedProfile(minilm,
                BertOnnxExporter.Operators.ONNX_RUNTIME, 128, 10, 30);
        OnnxOperatorProfile.Profile int8 = ServingLatency.exportedProfile(minilm,
                BertOnnxExporter.Operators.ONNX_RUNTIME_INT8, 128, 10, 30);
        out.println();
        out.println("| operator type (ONNX Runtime's profiler, 30 passes of 1 x 128) | fp32 graph ms | int8 graph ms |");
        out.println("| --- | --- | --- |");
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        fp32.operators().forEach(o -> types.add(o.type()));
        int8.operators().forEach(o -> types.add(o.type()));
        for (String type : types) {
            out.printf(Locale.ROOT, "| %s%s | %.2f | %.2f |%n", type, OnnxOperatorProfile.QUANTIZED.test(type)
                    ? " (int8)" : "", fp32.millisOf(type::equals), int8.millisOf(type::equals));
        }
        out.printf(Locale.ROOT, "| all operators | %.2f | %.2f |%n", fp32.totalMillis(), int8.totalMillis());
        double stayFloat = int8.millisOf(OnnxOperatorProfile.QUANTIZED.negate());
        double quantized = int8.millisOf(OnnxOperatorProfile.QUANTIZED);
        String slowestFloat = String.join(", ", int8.operators().stream()
                .filter(o -> !OnnxOperatorProfile.QUANTIZED.test(o.type())).limit(3)
                .map(o -> String.format(Locale.ROOT, "%s %.2f", o.type(), o.millisPerRun())).toList());
        return String.format(Locale.ROOT, "by ONNX Runtime's profiler the int8 operators take %.2f ms, the operators "
                + "left in float %.2f ms (%s), against the fp32 graph's %.2f ms of operators", quantized, stayFloat,
                slowestFloat, fp32.totalMillis());
    }

    /** Runs of the model compare their throughput with this (the slow-training diagnosis). */
    private void keep(TrainingThroughput.Result result) throws IOException {
        MeasuredThroughput.at(models.measuredThroughputFile()).record(result.model(), result.batch(),
                result.length(), result.samplesPerSecond());
    }

    private void row(TrainingThroughput.Result result, double peak, double targetSamples) {
        double mfu = result.trainingFlopsPerStep() / result.stepSeconds() / peak;
        boolean ok = result.samplesPerSecond() >= targetSamples && result.optimizerShare() < 0.10;
        out.printf(Locale.ROOT, "| %s | %d x %d | %.2f | %.2f | %.0f | %.1f%% | %.0f%% | >= %.1f samples/s, "
                        + "optimizer < 10%%: %s |%n", result.model(), result.batch(), result.length(),
                result.stepSeconds(), result.samplesPerSecond(), result.tokensPerSecond(),
                100 * result.optimizerShare(), 100 * mfu, targetSamples, ok ? "met" : "MISSED");
    }

    private void padding(PretrainedBert tokenizerSource) throws IOException {
        List<Example> train = datasets.load("imdb", message -> { }).split(Split.TRAIN);
        try (TextEncoder encoder = TextEncoder.open(tokenizerSource.tokenizerJson(), 512, Truncation.HEAD)) {
            List<EncodedText> encoded = encoder.encodeAll(train.stream().map(Example::text).toList(), null,
                    done -> { });
            int[] lengths = encoded.stream().mapToInt(EncodedText::length).toArray();
            PaddingEfficiency efficiency = PaddingEfficiency.of(lengths, 16, 42);
            out.printf(Locale.ROOT, "IMDb train (%d reviews, max length 512, batch 16): real tokens %,d%n",
                    efficiency.examples(), efficiency.realTokens());
            out.println("| padding | token slots | vs padding to 512 |");
            out.println("| --- | --- | --- |");
            out.printf(Locale.ROOT, "| pad every text to 512 | %,d | 1.00x |%n", efficiency.padTo512());
            out.printf(Locale.ROOT, "| dynamic, random batches | %,d | %.2fx fewer |%n", efficiency.dynamicShuffled(),
                    (double) efficiency.padTo512() / efficiency.dynamicShuffled());
            out.printf(Locale.ROOT, "| dynamic, length-bucketed batches | %,d | %.2fx fewer (target >= 1.8x: %s) |%n",
                    efficiency.dynamicBucketed(), efficiency.bucketedSaving(),
                    efficiency.bucketedSaving() >= 1.8 ? "met" : "MISSED");
        }
    }
}
