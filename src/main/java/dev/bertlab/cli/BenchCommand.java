package dev.bertlab.cli;

import dev.bertlab.engine.bench.Benchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training throughput, latency, matmul peak, MFU and padding savings on this machine.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--steps", defaultValue = "8", description = "measured training steps per model")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "unmeasured steps first")
    int warmup;

    @Option(names = "--skip-bert-base", description = "leave out BERT-base (about a minute)")
    boolean skipBertBase;

    @Option(names = "--skip-imdb", description = "leave out the padding measurement on IMDb")
    boolean skipImdb;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || warmup < 0) {
            throw new IllegalArgumentException("--steps must be at least 1 and --warmup not negative");
        }
        new Benchmark(data.models(), data.datasets(), System.out)
                .run(new Benchmark.Settings(steps, warmup, !skipBertBase, !skipImdb));
        return 0;
    }
}
