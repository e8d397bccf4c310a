package dev.bertlab.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bertlab.engine.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python peer (eager PyTorch, the reference the speed targets are set against) right after BertLab's own
 * measurements, in its fastest setting on this kind of machine: torch with one thread and OpenBLAS with two, OpenBLAS's
 * AVX-512 kernels. Needs Debian's {@code python3-torch}, {@code python3-threadpoolctl} and an OpenBLAS; without torch
 * it is skipped with a notice.
 */
final class PeerBench {

    private static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_MINUTES = 20;

    /**
     * The peer's figures.
     *
     * @param bertBaseTrain samples/s, BERT-base 8 x 128 (NaN when not measured)
     * @param miniLmTrain samples/s, MiniLM 32 x 128
     * @param bertBaseForwardMillis median batch-1 x 128 forward
     * @param miniLmForwardMillis median batch-1 x 128 forward
     * @param matmulGflops fp32 matmul 2048^3, median
     */
    record Figures(double bertBaseTrain, double miniLmTrain, double bertBaseForwardMillis, double miniLmForwardMillis,
            double matmulGflops) {
    }

    private PeerBench() {
    }

    /** Runs the peer script, echoing its progress lines; empty (with the reason printed) when it cannot run. */
    static Optional<Figures> run(Path script, boolean includeBertBase, PrintStream out) throws IOException {
        if (!Files.isRegularFile(script)) {
            out.println("peer skipped: no script at " + script);
            return Optional.empty();
        }
        if (!torchInstalled()) {
            out.println("peer skipped: " + PYTHON + " cannot import torch (apt-get install python3-torch "
                    + "python3-threadpoolctl libopenblas0-pthread)");
            return Optional.empty();
        }
        Path result = Files.createTempFile("bertlab-peer", ".json");
        try {
            ProcessBuilder builder = new ProcessBuilder(PYTHON, script.toAbsolutePath().toString(), "--threads", "1",
                    "--blas-threads", "2", "--models", includeBertBase ? "base,minilm" : "minilm", "--out",
                    result.toString()).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.remove("OPENBLAS_L2_SIZE");
            environment.put("OPENBLAS_CORETYPE", "SkylakeX");
            out.println("running the Python peer: " + String.join(" ", builder.command()));
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> out.println("  [peer] " + line));
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                out.println("peer failed (exit " + (process.isAlive() ? "timeout" : process.exitValue()) + ")");
                return Optional.empty();
            }
            return Optional.of(parse(Json.mapper().readTree(result.toFile())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            Files.deleteIfExists(result);
        }
    }

    static Figures parse(JsonNode json) {
        JsonNode results = json.path("results");
        return new Figures(results.at("/base/train_b8_s128/samples_per_s").asDouble(Double.NaN),
                results.at("/minilm/train_b32_s128/samples_per_s").asDouble(Double.NaN),
                1000 * results.at("/base/infer_b1_s128/latency_s/median").asDouble(Double.NaN),
                1000 * results.at("/minilm/infer_b1_s128/latency_s/median").asDouble(Double.NaN),
                results.at("/matmul_2048/gflops_median").asDouble(Double.NaN));
    }

    private static boolean torchInstalled() {
        try {
            Process probe = new ProcessBuilder(List.of(PYTHON, "-c", "import torch")).redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(2, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
