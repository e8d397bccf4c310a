package dev.bertlab.cli;

import dev.bertlab.engine.ComputeDevice;
import dev.bertlab.engine.predict.MaskFiller;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fill-mask", mixinStandardHelpOptions = true,
        description = "Predict the [MASK] tokens of a text with a pre-trained model's masked-LM head.")
final class FillMaskCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--model", defaultValue = "bert-base-uncased", description = "base model (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--top", defaultValue = "5", description = "candidates per mask (default: ${DEFAULT-VALUE})")
    int top;

    @Parameters(paramLabel = "TEXT", description = "text with one or more [MASK]")
    String text;

    @Override
    public Integer call() throws Exception {
        try (MaskFiller filler = MaskFiller.open(data.models().load(model, System.err::println),
                ComputeDevice.select("auto"))) {
            List<List<MaskFiller.Candidate>> answers = filler.fill(text, top);
            for (int mask = 0; mask < answers.size(); mask++) {
                if (answers.size() > 1) {
                    System.out.println("[MASK] " + (mask + 1) + ":");
                }
                for (MaskFiller.Candidate candidate : answers.get(mask)) {
                    System.out.printf(Locale.ROOT, "%-15s %.4f%n", candidate.token(), candidate.probability());
                }
            }
        }
        return 0;
    }
}
