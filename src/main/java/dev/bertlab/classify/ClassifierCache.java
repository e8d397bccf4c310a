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

    private final LeaseCache<TextClassifier> cache;
    /** How each directory cuts long texts: the run's own rule, remembered for when the model is (re)loaded. */
    private final Map<String, Truncation> truncations = new ConcurrentHashMap<>();

    public ClassifierCache(ModelRegistry registry, ClassifyProperties properties) {
        this.cache = new LeaseCache<>(properties.cachedModels(), directory -> {
            long start = System.nanoTime();
            Device device = ComputeDevice.select(properties.device());
            TextClassifier classifier = TextClassifier.open(registry, directory, device, 0,
                    truncations.getOrDefault(directory, Truncation.HEAD),
                    ServingRuntime.choose(properties.runtime(), device), properties.batchWindow());
            log.info("loaded the classifier {} on {} in {} ms", directory, classifier.runtime(),
                    (System.nanoTime() - start) / 1_000_000);
            return classifier;
        });
    }

    /** The classifier of the model directory, loaded if needed; close the lease when the request is done. */
    public LeaseCache.Lease<TextClassifier> acquire(ClassifiableModel model) throws IOException {
        String key = model.directory().toAbsolutePath().normalize().toString();
        truncations.put(key, model.truncation());
        return cache.acquire(key);
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
