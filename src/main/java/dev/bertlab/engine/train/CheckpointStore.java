package dev.bertlab.engine.train;

import dev.bertlab.engine.json.Json;
import org.apache.commons.io.file.PathUtils;
import dev.bertlab.engine.weights.NamedTensor;
import dev.bertlab.engine.weights.SafetensorsReader;
import dev.bertlab.engine.weights.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of one run: {@code step-NNNNNN/} directories holding the weights ({@code model.safetensors}),
 * AdamW's moments ({@code optimizer.safetensors}) and {@link TrainerState} ({@code trainer_state.json}), plus
 * {@code best/} with the weights of the best evaluation. Every directory is written beside its place and moved
 * in at once, so a crash mid-write never leaves a checkpoint a resume would trust.
 */
public final class CheckpointStore {

    private static final String PREFIX = "step-";

    private final Path directory;
    private final int keepLast;

    /**
     * @param keepLast resumable checkpoints kept (the oldest are deleted); the best weights are kept apart
     */
    public CheckpointStore(Path directory, int keepLast) {
        this.directory = directory;
        this.keepLast = Math.max(1, keepLast);
    }

    public Path directory() {
        return directory;
    }

    /** A resumable checkpoint. */
    public record Checkpoint(Path directory, int step) {
    }

    public Path save(int step, Map<String, NamedTensor> weights, Map<String, float[]> optimizerState,
            TrainerState state) throws IOException {
        Path target = directory.resolve(String.format("%s%06d", PREFIX, step));
        Path temporary = directory.resolve(target.getFileName() + ".partial");
        deleteRecursively(temporary);
        Files.createDirectories(temporary);
        SafetensorsWriter.write(temporary.resolve("model.safetensors"), weights.values(), Map.of("format", "pt"));
        SafetensorsWriter.write(temporary.resolve("optimizer.safetensors"), asTensors(optimizerState, weights),
                Map.of("format", "pt"));
        Json.prettyWriter().writeValue(temporary.resolve("trainer_state.json").toFile(), state);
        deleteRecursively(target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        prune();
        return target;
    }

    public Optional<Checkpoint> latest() throws IOException {
        return list().stream().max(Comparator.comparingInt(Checkpoint::step));
    }

    public List<Checkpoint> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
                    .filter(p -> Files.exists(p.resolve("trainer_state.json")))
                    .map(p -> new Checkpoint(p, Integer.parseInt(p.getFileName().toString().substring(PREFIX.length()))))
                    .sorted(Comparator.comparingInt(Checkpoint::step))
                    .toList();
        }
    }

    public Map<String, NamedTensor> weights(Checkpoint checkpoint) throws IOException {
        return SafetensorsReader.readAll(checkpoint.directory().resolve("model.safetensors"));
    }

    public Map<String, float[]> optimizerState(Checkpoint checkpoint) throws IOException {
        Map<String, float[]> state = new LinkedHashMap<>();
        SafetensorsReader.readAll(checkpoint.directory().resolve("optimizer.safetensors"))
                .forEach((name, tensor) -> state.put(name, tensor.values()));
        return state;
    }

    public TrainerState state(Checkpoint checkpoint) throws IOException {
        return Json.mapper().readValue(checkpoint.directory().resolve("trainer_state.json").toFile(), TrainerState.class);
    }

    /** Replaces the best weights. */
    public void saveBest(int step, Map<String, NamedTensor> weights, Map<String, Double> metrics)
            throws IOException {
        Path target = directory.resolve("best");
        Path temporary = directory.resolve("best.partial");
        deleteRecursively(temporary);
        Files.createDirectories(temporary);
        SafetensorsWriter.write(temporary.resolve("model.safetensors"), weights.values(), Map.of("format", "pt"));
        Json.prettyWriter().writeValue(temporary.resolve("best.json").toFile(), Map.of("step", step, "metrics", metrics));
        deleteRecursively(target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    public Optional<Map<String, NamedTensor>> bestWeights() throws IOException {
        Path file = directory.resolve("best").resolve("model.safetensors");
        return Files.exists(file) ? Optional.of(SafetensorsReader.readAll(file)) : Optional.empty();
    }

    private void prune() throws IOException {
        List<Checkpoint> all = list();
        for (int i = 0; i < all.size() - keepLast; i++) {
            deleteRecursively(all.get(i).directory());
        }
    }

    private static List<NamedTensor> asTensors(Map<String, float[]> state, Map<String, NamedTensor> weights) {
        return state.entrySet().stream().map(entry -> {
            String parameter = entry.getKey().substring(entry.getKey().indexOf('.') + 1);
            long[] shape = weights.get(parameter).shape();
            return new NamedTensor(entry.getKey(), shape, entry.getValue());
        }).toList();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            PathUtils.delete(path);
        }
    }
}
