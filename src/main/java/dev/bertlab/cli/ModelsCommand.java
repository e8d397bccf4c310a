package dev.bertlab.cli;

import dev.bertlab.engine.pretrained.ModelRegistry;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the base models.")
final class ModelsCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        for (ModelRegistry.Status status : data.models().list()) {
            System.out.printf(Locale.ROOT, "%-30s %6.1fM params  %-10s %s%n", status.model().name(),
                    status.model().parameters() / 1e6,
                    !status.archivePresent() ? "missing" : status.unpacked() ? "unpacked" : "archived",
                    status.model().description());
        }
        System.out.println("Any Hugging Face BERT directory (config.json + model.safetensors) works too, by path.");
        return 0;
    }
}
