package dev.bertlab.engine.data;

import org.apache.commons.io.file.PathUtils;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.bertlab.engine.json.Json;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Normalized datasets on disk: {@code <root>/<name>/dataset.json} plus one {@code <split>.jsonl} per split.
 *
 * <p>A dataset is written into a hidden temporary directory beside its final place and moved there in one atomic
 * rename, so readers see either the whole dataset or none, and a failure leaves nothing behind.
 */
public final class DatasetStore {

    static final String INFO_FILE = "dataset.json";
    private static final String TEMP_PREFIX = ".tmp-";

    private static final ObjectWriter EXAMPLE_WRITER = Json.mapper().writerFor(StoredExample.class);
    private static final ObjectReader EXAMPLE_READER = Json.mapper().readerFor(StoredExample.class);

    private final Path root;

    /** @param root the directory holding one directory per dataset ({@code <dataDir>/datasets}) */
    public DatasetStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path directory(String name) {
        return root.resolve(DatasetName.check(name));
    }

    public boolean exists(String name) {
        return Files.isRegularFile(directory(name).resolve(INFO_FILE));
    }

    /** Names of the stored datasets, sorted; temporary directories of writes in progress are skipped. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (DatasetName.isValid(name) && Files.isRegularFile(entry.resolve(INFO_FILE))) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list datasets in " + root, e);
        }
        names.sort(null);
        return names;
    }

    public DatasetInfo readInfo(String name) {
        Path file = directory(name).resolve(INFO_FILE);
        try {
            return Json.mapper().readValue(file.toFile(), DatasetInfo.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a dataset and checks its content against the fingerprint recorded when it was written.
     *
     * @throws IllegalStateException if the files were changed since
     */
    public LabeledDataset read(String name) {
        DatasetInfo info = readInfo(name);
        Map<Split, List<Example>> splits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            splits.put(split, readSplit(directory(name).resolve(splitFile(split)), info.task()));
        }
        String fingerprint = DatasetFingerprint.of(info.task(), info.labelNames(), splits);
        if (!fingerprint.equals(info.fingerprint())) {
            throw new IllegalStateException("dataset " + name + " in " + directory(name)
                    + " was changed on disk: its content no longer matches the fingerprint in " + INFO_FILE
                    + "; delete and import it again");
        }
        return new LabeledDataset(info, splits);
    }

    /**
     * Writes a new dataset atomically.
     *
     * @throws FileAlreadyExistsException if a dataset of that name exists
     */
    public void write(LabeledDataset dataset) throws IOException {
        String name = dataset.info().name();
        Path target = directory(name);
        Files.createDirectories(root);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a dataset named " + name + " exists");
        }
        Path temp = root.resolve(TEMP_PREFIX + name + "-" + UUID.randomUUID());
        try {
            Files.createDirectory(temp);
            Json.prettyWriter().writeValue(temp.resolve(INFO_FILE).toFile(), dataset.info());
            for (Split split : Split.values()) {
                writeSplit(temp.resolve(splitFile(split)), dataset.split(split));
            }
            moveIntoPlace(temp, target, name);
        } catch (IOException | RuntimeException | Error e) {
            deleteRecursively(temp);
            throw e;
        }
    }

    private static void moveIntoPlace(Path temp, Path target, String name) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another writer won the race: rename reports a non-empty target in platform-specific ways
            if (Files.exists(target.resolve(INFO_FILE))) {
                throw new FileAlreadyExistsException(target.toString(), null, "a dataset named " + name + " exists");
            }
            throw e;
        }
    }

    /** Removes a dataset: renamed aside first, so it vanishes from listings at once even if deleting is slow. */
    public void delete(String name) throws IOException {
        Path target = directory(name);
        if (!Files.exists(target)) {
            return;
        }
        Path doomed = root.resolve(TEMP_PREFIX + "deleted-" + name + "-" + UUID.randomUUID());
        Files.move(target, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(doomed);
    }

    static String splitFile(Split split) {
        return split.id() + ".jsonl";
    }

    private static void writeSplit(Path file, List<Example> examples) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Example example : examples) {
                out.write(EXAMPLE_WRITER.writeValueAsString(StoredExample.of(example)));
                out.write('\n');
            }
        }
    }

    private static List<Example> readSplit(Path file, TaskType task) {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!line.isEmpty()) {
                    StoredExample stored = EXAMPLE_READER.readValue(line);
                    examples.add(stored.toExample(task, file, lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return examples;
    }

    static void deleteRecursively(Path path) {
        try {
            if (Files.exists(path)) {
                PathUtils.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + "; delete it by hand", e);
        }
    }

    /** One line of a split file: the label for classification, the target for regression, nothing else. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredExample(String id, String text, String textPair, Integer label, Double target) {

        static StoredExample of(Example example) {
            boolean regression = example.label() < 0;
            return new StoredExample(example.id(), example.text(), example.textPair(),
                    regression ? null : example.label(), regression ? example.target() : null);
        }

        Example toExample(TaskType task, Path file, int line) {
            if (task == TaskType.REGRESSION) {
                if (target == null) {
                    throw new IllegalStateException(file + " line " + line + ": regression example without target");
                }
                return Example.regression(id, text, textPair, target);
            }
            if (label == null) {
                throw new IllegalStateException(file + " line " + line + ": classification example without label");
            }
            return Example.classified(id, text, textPair, label);
        }
    }
}
