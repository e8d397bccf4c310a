package dev.bertlab.classify;

import dev.bertlab.engine.predict.TextClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Labels texts with a finished run's model or the demo model, for the REST API, the Try it page and the demo page.
 * Every classification passes the {@link ClassificationGate}, so a burst is refused instead of exhausting memory.
 */
@Service
public class ClassificationService {

    /** The model name that stands for the promoted demo model (also what an omitted model means). */
    public static final String DEMO = "demo";

    private final ClassifiableModels models;
    private final DemoModelService demo;
    private final ClassifierCache cache;
    private final ClassifyProperties properties;
    private final ClassificationGate gate;
    private final Timer latency;
    /** Runs the pages' classifications off the UI thread (a model load takes seconds). */
    private final Executor background;

    public ClassificationService(ClassifiableModels models, DemoModelService demo, ClassifierCache cache,
            ClassifyProperties properties, MeterRegistry meters,
            @Qualifier(ClassifyExecutors.CLASSIFICATION) Executor background) {
        this.models = models;
        this.demo = demo;
        this.cache = cache;
        this.properties = properties;
        this.latency = Timer.builder("bertlab.classify")
                .description("a classification as the caller waits for it: a free place, the model, the texts")
                .publishPercentileHistogram().register(meters);
        this.gate = new ClassificationGate(properties.concurrent(), properties.waiting(), properties.maxWait());
        this.background = background;
    }

    /**
     * Labels each text.
     *
     * @param model a finished run's id, {@value #DEMO}, or null/blank for the demo model
     * @throws InvalidClassificationException no texts, an empty text, or more than the limit
     * @throws ModelNotFoundException no such model, or no demo model chosen yet
     * @throws ClassifierBusyException too many classifications at once
     */
    public ClassificationResult classify(List<String> texts, String model) {
        check(texts);
        Timer.Sample sample = Timer.start();
        ClassifiableModel target = resolve(model);
        try (ClassificationGate.Permit permit = gate.enter();
                LeaseCache.Lease<TextClassifier> lease = cache.acquire(target)) {
            TextClassifier classifier = lease.value();
            long start = System.nanoTime();
            List<TextClassifier.Classification> raw = classifier.classify(texts);
            double millis = (System.nanoTime() - start) / 1e6;
            List<ClassificationResult.TextResult> results = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                results.add(describe(texts.get(i), raw.get(i), classifier, target));
            }
            sample.stop(latency);
            return new ClassificationResult(target, classifier.labels(), results, millis);
        } catch (IOException e) {
            throw new IllegalStateException("the model of run " + target.runId() + " could not be loaded: "
                    + e.getMessage(), e);
        }
    }

    /** {@link #classify} on a background thread, for pages that must not block while a model loads. */
    public CompletableFuture<ClassificationResult> classifyAsync(List<String> texts, String model) {
        return CompletableFuture.supplyAsync(() -> classify(texts, model), background);
    }

    /** The models one can classify with, newest first. */
    public List<ClassifiableModel> models() {
        return models.list();
    }

    public Optional<ClassifiableModel> demoModel() {
        return demo.demoModel();
    }

    /**
     * The model a request names.
     *
     * @throws ModelNotFoundException when it names none that can classify
     */
    public ClassifiableModel resolve(String model) {
        String name = model == null ? "" : model.trim();
        if (name.isEmpty() || name.equalsIgnoreCase(DEMO)) {
            return demo.demoModel().orElseThrow(() -> new ModelNotFoundException("no demo model has been "
                    + "chosen yet: an admin promotes a finished run's model on the admin page; or name a run's id "
                    + "as the model (the models are listed at /api/v1/models)"));
        }
        if (!name.matches("\\d{1,18}")) {
            throw new ModelNotFoundException("unknown model '" + name + "': a model is a finished run's id (the "
                    + "models are listed at /api/v1/models) or \"demo\"");
        }
        return models.find(Long.parseLong(name)).orElseThrow(() -> new ModelNotFoundException("run " + name
                + " has no model to classify with: it does not exist, has not finished successfully, or its "
                + "model was deleted (the models are listed at /api/v1/models)"));
    }

    /** The limits in force, for the admin page. */
    public Limits limits() {
        return new Limits(cache.capacity(), cache.loaded().size(), properties.concurrent(), properties.waiting(),
                properties.maxWait().toMillis(), properties.maxTexts(), TextClassifier.MAX_CHARACTERS);
    }

    /**
     * @param cachedModels models kept loaded at most
     * @param loadedModels models loaded now
     * @param concurrent classifications computing at once
     * @param waiting requests that may wait for a place
     * @param maxWaitMillis how long one waits before it is refused
     * @param maxTexts texts per request
     * @param maxCharacters characters of a text considered; the rest is cut with a notice
     */
    public record Limits(int cachedModels, int loadedModels, int concurrent, int waiting, long maxWaitMillis,
            int maxTexts, int maxCharacters) {
    }

    private void check(List<String> texts) {
        if (texts == null) {
            throw new InvalidClassificationException("texts is required: a list of the texts to classify");
        }
        if (texts.isEmpty()) {
            throw new InvalidClassificationException("texts is empty: give at least one text to classify");
        }
        if (texts.size() > properties.maxTexts()) {
            throw new InvalidClassificationException(String.format(Locale.ROOT, "%d texts is too many for one "
                    + "request: at most %d", texts.size(), properties.maxTexts()));
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new InvalidClassificationException(texts.size() == 1
                        ? "the text is empty: there is nothing to classify"
                        : "text " + (i + 1) + " is empty: there is nothing to classify");
            }
        }
    }

    private static ClassificationResult.TextResult describe(String text, TextClassifier.Classification raw,
            TextClassifier classifier, ClassifiableModel model) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        List<String> labels = classifier.labels();
        for (int c = 0; c < labels.size(); c++) {
            probabilities.put(labels.get(c), (double) raw.probabilities()[c]);
        }
        return new ClassificationResult.TextResult(raw.label(), probabilities, raw.truncated(), raw.tokens(),
                TruncationNotice.of(text, raw.truncated(), classifier.maxLength(), model.truncation()));
    }
}
