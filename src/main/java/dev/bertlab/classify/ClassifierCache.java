package dev.bertlab.classify;

import ai.djl.Device;
import dev.bertlab.engine.ComputeDevice;
import dev.bertlab.engine.predict.ServingRuntime;
import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.tokenize.Truncation;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fine-tuned models loaded for classification, keyed by model directory: at most
 * {@code bertlab.classify.cached-models} at once (a MiniLM takes about 100 MB, a BERT-base about 450 MB), least
 * recently used closed first, and never while a request still computes with it.
 */
@Component
public class ClassifierCache {

    private static final Logger log = LoggerFactory.getLogger(ClassifierCache.class);

    /** Marks the int8 variant of a directory in the cache's keys. */
    private static final String INT8_SUFFIX = "#int8";

    private final LeaseCache<TextClassifier> cache;
    /** How each directory cuts long texts: the run's own rule, remembered for when the model is (re)loaded. */
    private final Map<String, Truncation> truncations = new ConcurrentHashMap<>();

    public ClassifierCache(ModelRegistry registry, ClassifyProperties properties) {
        this.cache = new LeaseCache<>(properties.cachedModels(), key -> {
            long start = System.nanoTime();
            boolean int8 = key.endsWith(INT8_SUFFIX);
            String directory = int8 ? key.substring(0, key.length() - INT8_SUFFIX.length()) : key;
            Device device = ComputeDevice.select(properties.device());
            TextClassifier classifier = TextClassifier.open(registry, directory, device, 0,
                    truncations.getOrDefault(directory, Truncation.HEAD),
                    int8 ? ServingRuntime.ONNX_RUNTIME_INT8 : ServingRuntime.choose(properties.runtime(), device),
                    properties.batchWindow());
            log.info("loaded the classifier {} on {} in {} ms", directory, classifier.runtime(),
                    (System.nanoTime() - start) / 1_000_000);
            return classifier;
        });
    }

    /** The classifier of the model directory, loaded if needed; close the lease when the request is done. */
    public LeaseCache.Lease<TextClassifier> acquire(ClassifiableModel model) throws IOException {
        String directory = model.directory().toAbsolutePath().normalize().toString();
        truncations.put(directory, model.truncation());
        return cache.acquire(model.int8() ? directory + INT8_SUFFIX : directory);
    }

    /** Model directories loaded now, least recently used first. */
    public List<String> loaded() {
        return cache.keys();
    }

    public int capacity() {
        return cache.capacity();
    }

    public long evictions() {
        return cache.evictions();
    }

    @PreDestroy
    void closeAll() {
        cache.clear();
    }
}
