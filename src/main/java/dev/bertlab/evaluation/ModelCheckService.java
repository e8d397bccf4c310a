package dev.bertlab.evaluation;

import dev.bertlab.classify.ClassifiableModel;
import dev.bertlab.classify.ClassificationService;
import dev.bertlab.classify.ClassifierCache;
import dev.bertlab.classify.LeaseCache;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.predict.TestTimeAugmentation;
import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.run.RunArtifacts;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Runs a finished model again over test reviews: with and without test-time augmentation, or on another dataset
 * (cross-domain, no retraining). One check at a time, on its own thread, in chunks so that progress shows; the
 * result is kept in the run directory.
 */
@Service
public class ModelCheckService {

    /** Texts per chunk: small enough for a progress bar that moves, large enough for batched prediction. */
    static final int CHUNK = 16;
    public static final int DEFAULT_SAMPLE = 200;
    public static final int MAX_SAMPLE = 5000;
    static final long SAMPLE_SEED = 2024L;

    /** Progress of a check: texts done of the total. */
    public interface Progress {
        void update(int done, int total);
    }

    private final RunArtifacts artifacts;
    private final DatasetCatalog datasets;
    private final ClassificationService classification;
    private final ClassifierCache cache;
    private final Executor worker;

    public ModelCheckService(RunArtifacts artifacts, DatasetCatalog datasets, ClassificationService classification,
            ClassifierCache cache, @Qualifier(EvaluationExecutors.MODEL_CHECKS) Executor worker) {
        this.artifacts = artifacts;
        this.datasets = datasets;
        this.classification = classification;
        this.cache = cache;
        this.worker = worker;
    }

    /** The checks already run on this run's model, newest first. */
    public List<ModelCheck> done(TrainingRun run) {
        List<ModelCheck> checks = new ArrayList<>();
        try (var files = Files.list(Path.of(run.getRunDirectory()))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("check_")).toList()) {
                checks.add(Json.mapper().readValue(file.toFile(), ModelCheck.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checks of run " + run.getId(), e);
        }
        checks.sort((a, b) -> b.finishedAt().compareTo(a.finishedAt()));
        return checks;
    }

    /** Datasets a cross-domain check can use: classification with the same classes as the model. */
    public List<String> crossDomainDatasets(TrainingRun run) {
        List<String> labels = artifacts.predictions(run, "test").map(PredictionSet::labels).orElse(List.of());
        String own = artifacts.dataset(run);
        return datasets.list().stream().filter(info -> info.task() == TaskType.SINGLE_LABEL_CLASSIFICATION)
                .filter(info -> info.labelNames().equals(labels) && !info.name().equals(own))
                .map(DatasetInfo::name).toList();
    }

    /** Test-time augmentation against plain prediction on a seeded sample of the run's own test reviews. */
    @RolesAllowed(Role.Names.EDITOR)
    public CompletableFuture<ModelCheck> testTimeAugmentation(TrainingRun run, int sample, Progress progress) {
        String dataset = artifacts.dataset(run);
        return CompletableFuture.supplyAsync(() -> check(run, ModelCheck.Kind.TTA, dataset, sample, progress),
                worker);
    }

    /** The model on another dataset's test split (a seeded sample), without retraining. */
    @RolesAllowed(Role.Names.EDITOR)
    public CompletableFuture<ModelCheck> crossDomain(TrainingRun run, String dataset, int sample,
            Progress progress) {
        if (!crossDomainDatasets(run).contains(dataset)) {
            throw new IllegalArgumentException(dataset + " cannot be used: a cross-domain check needs a classification "
                    + "dataset with the model's classes, other than the one it was trained on");
        }
        return CompletableFuture.supplyAsync(() -> check(run, ModelCheck.Kind.CROSS_DOMAIN, dataset, sample,
                progress), worker);
    }

    private ModelCheck check(TrainingRun run, ModelCheck.Kind kind, String dataset, int sample, Progress progress) {
        if (sample < 1 || sample > MAX_SAMPLE) {
            throw new IllegalArgumentException("the sample is 1 to " + MAX_SAMPLE + " reviews, got " + sample);
        }
        long start = System.nanoTime();
        List<Example> examples = sample(dataset, sample);
        ClassifiableModel model = classification.resolve(Long.toString(run.getId()));
        List<float[]> plain = new ArrayList<>();
        List<float[]> augmented = new ArrayList<>();
        List<Boolean> long_ = new ArrayList<>();
        List<String> labels;
        try (LeaseCache.Lease<TextClassifier> lease = cache.acquire(model)) {
            TextClassifier classifier = lease.value();
            labels = classifier.labels();
            for (int from = 0; from < examples.size(); from += CHUNK) {
                List<String> texts = examples.subList(from, Math.min(examples.size(), from + CHUNK)).stream()
                        .map(ModelCheckService::text).toList();
                if (kind == ModelCheck.Kind.TTA) {
                    for (TextClassifier.AugmentedClassification result : classifier.classifyWithTta(texts,
                            TestTimeAugmentation.Settings.WINDOWS)) {
                        plain.add(result.plainProbabilities());
                        augmented.add(result.probabilities());
                        long_.add(result.views() > 1);
                    }
                } else {
                    for (TextClassifier.Classification result : classifier.classify(texts)) {
                        plain.add(result.probabilities());
                        long_.add(result.truncated());
                    }
                }
                progress.update(Math.min(examples.size(), from + CHUNK), examples.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model of run " + run.getId(), e);
        }
        int[] gold = examples.stream().mapToInt(Example::label).toArray();
        ModelCheck check = new ModelCheck(kind, dataset, examples.size(), scores(gold, plain, labels),
                kind == ModelCheck.Kind.TTA ? scores(gold, augmented, labels) : null,
                (int) long_.stream().filter(b -> b).count(), longAccuracy(gold, plain, long_),
                kind == ModelCheck.Kind.TTA ? longAccuracy(gold, augmented, long_) : null,
                (System.nanoTime() - start) / 1e9, Instant.now());
        keep(run, check);
        return check;
    }

    private List<Example> sample(String dataset, int sample) {
        List<Example> test = datasets.load(dataset, line -> { }).split(Split.TEST);
        if (test.isEmpty()) {
            throw new IllegalArgumentException(dataset + " has no test split");
        }
        // the same sample every time, so checks of two models on one dataset see the same reviews
        List<Example> shuffled = new ArrayList<>(test);
        java.util.Collections.shuffle(shuffled, new java.util.Random(SAMPLE_SEED));
        return shuffled.subList(0, Math.min(sample, shuffled.size()));
    }

    private static String text(Example example) {
        return example.textPair() == null ? example.text() : example.text() + " [SEP] " + example.textPair();
    }

    private static ModelCheck.Scores scores(int[] gold, List<float[]> probabilities, List<String> labels) {
        ClassificationMetrics metrics = ClassificationMetrics.compute(gold, probabilities.toArray(float[][]::new),
                labels);
        return new ModelCheck.Scores(metrics.accuracy(), metrics.f1() != null ? metrics.f1() : metrics.f1Macro(),
                metrics.logLoss());
    }

    private static Double longAccuracy(int[] gold, List<float[]> probabilities, List<Boolean> isLong) {
        int count = 0;
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            if (isLong.get(i)) {
                count++;
                right += Prediction.of("", gold[i], probabilities.get(i)).correct() ? 1 : 0;
            }
        }
        return count == 0 ? null : (double) right / count;
    }

    private static void keep(TrainingRun run, ModelCheck check) {
        String name = String.format(Locale.ROOT, "check_%s_%s.json", check.kind().name().toLowerCase(Locale.ROOT),
                check.dataset());
        try {
            Json.prettyWriter().writeValue(Path.of(run.getRunDirectory()).resolve(name).toFile(), check);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the check of run " + run.getId(), e);
        }
    }
}
