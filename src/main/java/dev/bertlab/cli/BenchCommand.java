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

    @Option(names = "--matmul-precision", description = "libtorch's float32 matmul precision: highest, high or "
            + "medium (default: medium on a CPU without AMX, else highest)")
    String matmulPrecision;

    @Option(names = "--skip-bert-base", description = "leave out BERT-base (about a minute)")
    boolean skipBertBase;

    @Option(names = "--skip-imdb", description = "leave out the padding measurement on IMDb")
    boolean skipImdb;

    @Option(names = "--peer", paramLabel = "FILE", description = "the Python peer (peer_bert_bench.py): run it right "
            + "after BertLab's measurements and print the ratios (needs Debian's python3-torch)")
    java.nio.file.Path peer;

    @Option(names = "--profile", paramLabel = "TRACE", description = "instead: profile MiniLM training steps with "
            + "libtorch's profiler, print the operators that take the time and write the Chrome trace to TRACE")
    java.nio.file.Path profile;

    @Option(names = "--augmentation", description = "instead: measure training-data augmentation (EDA) against none "
            + "on a small MiniLM fine-tune, over several seeds")
    boolean augmentation;

    @Option(names = "--augmentation-dataset", defaultValue = "amazon", description = "dataset for --augmentation")
    String augmentationDataset;

    @Option(names = "--augmentation-train", defaultValue = "200", description = "training examples for --augmentation")
    int augmentationTrain;

    @Option(names = "--seeds", defaultValue = "3", description = "seeds per setting for --augmentation")
    int seeds;

    @Override
    public Integer call() throws Exception {
        if (augmentation) {
            new dev.bertlab.engine.bench.AugmentationEffect(data.datasets(), data.models(), System.out)
                    .run(new dev.bertlab.engine.bench.AugmentationEffect.Settings(augmentationDataset,
                            augmentationTrain, seeds, 3, 0.1, 2));
            return 0;
        }
        if (profile != null) {
            new Benchmark(data.models(), data.datasets(), System.out).profile(Math.max(1, Math.min(steps, 4)),
                    dev.bertlab.engine.MatmulPrecision.of(matmulPrecision), profile);
            return 0;
        }
        if (steps < 1 || warmup < 0) {
            throw new IllegalArgumentException("--steps must be at least 1 and --warmup not negative");
        }
        new Benchmark(data.models(), data.datasets(), System.out)
                .run(new Benchmark.Settings(steps, warmup, !skipBertBase, !skipImdb,
                        dev.bertlab.engine.MatmulPrecision.of(matmulPrecision), peer));
        return 0;
    }
}
