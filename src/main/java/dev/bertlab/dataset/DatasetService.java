package dev.bertlab.dataset;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.importing.DatasetImporter;
import dev.bertlab.engine.data.importing.ImportRequest;
import dev.bertlab.engine.pretrained.BaseModel;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.pretrained.UnknownModelException;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The datasets page's work: listing the catalog, previewing and importing uploads (EDITOR), deleting imports
 * (EDITOR), and analysing a dataset (label distribution, token lengths) in the background.
 */
@Service
public class DatasetService {

    /** Uploads above this are refused, in the browser and again by the importer. */
    public static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

    /** Texts of train tokenized for the length histogram: enough for stable shares, quick on a CPU. */
    public static final int TOKEN_SAMPLE = 3000;

    /** The tokenizer the page starts with: MiniLM is small to unpack and shares BERT-uncased's vocabulary. */
    public static final String DEFAULT_TOKENIZER = "all-MiniLM-L6-v2";

    private static final int PREVIEW_ROWS = 8;
    private static final int CACHED_LENGTHS = 16;

    private final DatasetCatalog catalog;
    private final ModelRegistry models;
    private final DatasetImporter importer;
    // one analysis at a time: each tokenizes a whole dataset
    private final Executor analysis;
    private final Map<String, TokenLengths> lengthCache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TokenLengths> eldest) {
                    return size() > CACHED_LENGTHS;
                }
            });

    private final UploadFolder uploads;

    public DatasetService(DatasetCatalog catalog, ModelRegistry models, BertLabProperties properties,
            @Qualifier(DatasetExecutors.ANALYSIS) Executor analysis) {
        this.catalog = catalog;
        this.analysis = analysis;
        this.models = models;
        this.importer = new DatasetImporter(catalog, MAX_UPLOAD_BYTES);
        // per node: nodes of a cluster share the data directory, and each clears only what it left itself
        this.uploads = new UploadFolder(properties.data().resolve("tmp").resolve("uploads")
                .resolve(properties.nodeName().replaceAll("[^A-Za-z0-9._-]", "_")));
        uploads.clearLeftovers();
    }

    /** Built-ins first, then imports by name. */
    public List<DatasetInfo> list() {
        return catalog.list();
    }

    public DatasetInfo info(String name) {
        return catalog.info(name);
    }

    public boolean exists(String name) {
        return catalog.exists(name);
    }

    public boolean isBuiltin(String name) {
        return catalog.isBuiltin(name);
    }

    /** Base models whose tokenizer can count token lengths. */
    public List<String> tokenizerModels() {
        return ModelRegistry.BASE_MODELS.stream().map(BaseModel::name).toList();
    }

    /**
     * A fresh place for one upload under {@code <data>/tmp/uploads}, outside the catalog: a failed import leaves
     * nothing in it, and what a crash leaves is removed at the next start.
     */
    public Path newUploadFile(String fileName) {
        return uploads.newFile(fileName);
    }

    /** Removes an upload made with {@link #newUploadFile} and its directory. */
    public void discardUpload(Path file) {
        uploads.discard(file);
    }

    /** The first rows of an uploaded file and its columns. */
    public FilePreview preview(Path file, String fileName) {
        return FilePreviewReader.read(file, fileName, PREVIEW_ROWS);
    }

    /** A catalog name made from a file name: {@code My Reviews.csv} becomes {@code my-reviews}. */
    public String suggestName(String fileName) {
        String base = fileName == null ? "" : fileName.replaceFirst("\\.[^.]*$", "");
        String name = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[-_]+", "").replaceAll("-+$", "");
        if (name.isEmpty()) {
            name = "dataset";
        }
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /**
     * Validates and stores a dataset; nothing is stored when there is any problem.
     *
     * @throws dev.bertlab.engine.data.importing.DatasetValidationException with every located problem
     */
    @RolesAllowed(Role.Names.EDITOR)
    public DatasetInfo importDataset(ImportRequest request) {
        return importer.importDataset(request).info();
    }

    /** Deletes an imported dataset (built-ins cannot be deleted). */
    @RolesAllowed(Role.Names.EDITOR)
    public void delete(String name) {
        catalog.delete(name);
    }

    /**
     * Loads the dataset (fetching a built-in on first use), counts its labels and the token lengths of up to
     * {@link #TOKEN_SAMPLE} train texts under {@code tokenizerModel}'s tokenizer, off the caller's thread.
     */
    public CompletableFuture<DatasetAnalysis> analyse(String name, String tokenizerModel, Consumer<String> progress) {
        return CompletableFuture.supplyAsync(() -> analyseNow(name, tokenizerModel, progress), analysis);
    }

    /** {@link #analyse} on the caller's thread. */
    public DatasetAnalysis analyseNow(String name, String tokenizerModel, Consumer<String> progress) {
        progress.accept("loading " + name);
        LabeledDataset dataset = catalog.load(name, progress);
        LabelDistribution labels = LabelDistribution.of(dataset);
        TokenLengths lengths = tokenLengths(dataset, tokenizerModel, progress);
        return new DatasetAnalysis(dataset.info(), labels, lengths);
    }

    private TokenLengths tokenLengths(LabeledDataset dataset, String modelName, Consumer<String> progress) {
        String key = dataset.info().fingerprint() + "|" + modelName;
        TokenLengths cached = lengthCache.get(key);
        if (cached != null) {
            return cached;
        }
        BaseModel model = models.find(modelName).orElseThrow(() -> new UnknownModelException("no base model "
                + modelName + "; choose one of " + tokenizerModels()));
        List<Example> train = dataset.split(Split.TRAIN);
        List<Example> sample = evenlySpaced(train, TOKEN_SAMPLE);
        int[] lengths = new int[sample.size()];
        try {
            Path tokenizer = models.unpack(model, progress).resolve("tokenizer.json");
            progress.accept("tokenizing " + sample.size() + " of " + train.size() + " train texts with "
                    + model.name() + "'s tokenizer");
            try (TextEncoder encoder = TextEncoder.open(tokenizer, 512, Truncation.HEAD)) {
                if (dataset.info().hasTextPair()) {
                    for (int i = 0; i < sample.size(); i++) {
                        lengths[i] = encoder.encode(sample.get(i).text(), sample.get(i).textPair()).fullLength();
                    }
                } else {
                    List<EncodedText> encoded = encoder.encodeAll(sample.stream().map(Example::text).toList(), null,
                            done -> { });
                    for (int i = 0; i < encoded.size(); i++) {
                        lengths[i] = encoded.get(i).fullLength();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the tokenizer of " + model.name() + ": " + e.getMessage(), e);
        }
        TokenLengths result = new TokenLengths(model.name(), lengths, train.size());
        lengthCache.put(key, result);
        return result;
    }

    /** Up to {@code limit} examples spread evenly over the list, so a sorted split is not sampled from one end. */
    static List<Example> evenlySpaced(List<Example> examples, int limit) {
        if (examples.size() <= limit) {
            return examples;
        }
        List<Example> sample = new ArrayList<>(limit);
        double stride = (double) examples.size() / limit;
        for (int i = 0; i < limit; i++) {
            sample.add(examples.get((int) (i * stride)));
        }
        return sample;
    }
}
