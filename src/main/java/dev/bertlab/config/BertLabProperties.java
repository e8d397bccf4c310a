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
 */
@ConfigurationProperties("bertlab")
public record BertLabProperties(Path data, Integer cpuSlots, Integer threads, String adminPassword,
        Boolean quickstart, List<Integer> quickstartExamples, Path models) {

    private static final List<Integer> QUICKSTART_EXAMPLES = List.of(2000, 200, 500);

    public BertLabProperties {
        data = data == null ? Path.of("data") : data;
        cpuSlots = cpuSlots == null ? 1 : Math.max(1, cpuSlots);
        threads = threads == null ? 0 : threads;
        adminPassword = adminPassword == null ? "" : adminPassword;
        quickstart = quickstart == null || quickstart;
        quickstartExamples = quickstartExamples == null ? QUICKSTART_EXAMPLES : List.copyOf(quickstartExamples);
        if (quickstartExamples.size() != 3 || quickstartExamples.stream().anyMatch(n -> n == null || n < 2)) {
            throw new IllegalArgumentException("bertlab.quickstart-examples needs three sizes of at least 2 "
                    + "(training, validation, test reviews), got " + quickstartExamples);
        }
        models = models == null ? data.resolve("models") : models;
    }

    public Path runs() {
        return data.resolve("runs");
    }
}
