package dev.bertlab.cli;

import dev.bertlab.engine.ComputeDevice;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.predict.DatasetEvaluation;
import dev.bertlab.engine.predict.SplitEvaluation;
import dev.bertlab.engine.pretrained.PretrainedBert;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a fine-tuned model on a split of a dataset (also another dataset than it was "
                + "trained on); writes predictions CSV and metrics JSON.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "fine-tuned model directory")
    String model;

    @Option(names = "--dataset", required = true, description = "dataset name (imdb, amazon, or imported)")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "train, validation or test (default: test)")
    String split;

    @Option(names = "--limit", defaultValue = "0", description = "stratified subset of N examples (0: all)")
    int limit;

    @Option(names = "--max-length", defaultValue = "0", description = "tokens per text (0: as trained)")
    int maxLength;

    @Option(names = "--output", paramLabel = "DIR", description = "where the files go (default: the model dir)")
    Path output;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, cuda or cuda:N")
    String device;

    @Override
    public Integer call() throws Exception {
        Split which = Split.valueOf(split.toUpperCase(Locale.ROOT));
        LabeledDataset loaded = data.datasets().load(dataset, System.out::println);
        if (limit > 0) {
            loaded = loaded.subset(Map.of(Split.TRAIN, Math.min(limit, loaded.split(Split.TRAIN).size()),
                    Split.VALIDATION, Math.min(limit, loaded.split(Split.VALIDATION).size()),
                    Split.TEST, Math.min(limit, loaded.split(Split.TEST).size())), 13);
        }
        List<Example> examples = loaded.split(which);
        PretrainedBert fineTuned = data.models().load(model, System.out::println);
        Path target = output != null ? output : Path.of(model).resolve("eval-" + dataset);
        SplitEvaluation evaluation = DatasetEvaluation.run(fineTuned, examples, loaded.info().labelNames(),
                ComputeDevice.select(device), maxLength, 32, target, which.id(), done -> { });
        evaluation.scalars().forEach((name, value) -> System.out.printf(Locale.ROOT, "%-16s %.4f%n", name, value));
        System.out.println("written to " + target);
        return 0;
    }
}
