package dev.bertlab.cli;

import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.engine.data.Split;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List the datasets.")
final class DatasetsCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        for (DatasetInfo info : data.datasets().list()) {
            System.out.printf(Locale.ROOT, "%-20s %-28s %s %s%n", info.name(), info.task(),
                    info.materialized() ? String.format(Locale.ROOT, "%d/%d/%d", info.count(Split.TRAIN),
                            info.count(Split.VALIDATION), info.count(Split.TEST)) : "(fetched on first use)",
                    info.labelNames());
        }
        return 0;
    }
}
