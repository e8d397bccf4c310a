package dev.bertlab.engine.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code bench} measured on this machine, per model: training samples per second at a batch size and length.
 * A run compares its own throughput with it (the slow-training diagnosis), so the file lives with the models.
 */
public final class MeasuredThroughput {

    /** One model's measurement. */
    public record Entry(int batchSize, int maxLength, double samplesPerSecond, Instant measuredAt) {
    }

    private final Path file;

    private MeasuredThroughput(Path file) {
        this.file = file;
    }

    public static MeasuredThroughput at(Path file) {
        return new MeasuredThroughput(file);
    }

    /** Keeps a measurement, replacing the model's earlier one. */
    public synchronized void record(String model, int batchSize, int maxLength, double samplesPerSecond)
            throws IOException {
        Map<String, Entry> entries = new TreeMap<>(read());
        entries.put(model, new Entry(batchSize, maxLength, samplesPerSecond, Instant.now()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Json.prettyWriter().writeValue(temporary.toFile(), entries);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The samples per second a run of {@code model} at {@code maxLength} should reach here: the measurement scaled
     * by length, as a step's cost grows about linearly with the padded length at BERT's sizes. Empty when the model
     * was never measured (or the file cannot be read: then there is simply nothing to compare with).
     */
    public Optional<Double> expectedSamplesPerSecond(String model, int maxLength) {
        Entry entry = read().get(model);
        if (entry == null || maxLength <= 0 || !(entry.samplesPerSecond() > 0)) {
            return Optional.empty();
        }
        return Optional.of(entry.samplesPerSecond() * entry.maxLength() / maxLength);
    }

    Map<String, Entry> read() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, Entry>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
