package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Out of memory: the fine-tuner retried a step with a smaller micro-batch (a warning: the run goes on, slower), or
 * the run failed for lack of memory (a problem).
 */
public final class OutOfMemoryRule implements CurveRule {

    /** The kind of the notice the fine-tuner sends when it halves the micro-batch after an allocation failure. */
    public static final String RETRY_NOTICE = "oom_retry";
    /** Never suggest a max length below this; shorter inputs lose too much of a review. */
    public static final int MIN_SUGGESTED_MAX_LENGTH = 64;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.OUT_OF_MEMORY;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        Hyperparameters hp = facts.hyperparameters();
        List<TrainingEvents.Notice> retries = history.notices().stream()
                .filter(n -> n.kind().equals(RETRY_NOTICE)).toList();
        if (!retries.isEmpty()) {
            TrainingEvents.Notice first = retries.get(0);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("retries", (double) retries.size());
            values.put("batch_size", (double) hp.batchSize());
            String sentence = "out of memory at step " + (first.step() + 1) + " with " + hp.batchSize()
                    + " examples per forward pass; the run retried with a smaller micro-batch (" + first.message()
                    + ")";
            return Optional.of(Diagnosis.atStep(kind(), Severity.WARNING, first.step(),
                    "Out of memory: the micro-batch was halved", new Evidence(sentence, values),
                    remedy(hp, retries.size(), false)));
        }
        return history.failure().filter(TrainingHistory.Failure::outOfMemory).map(failure -> {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("batch_size", (double) hp.batchSize());
            values.put("max_length", (double) hp.maxLength());
            String sentence = "the run failed out of memory after step " + failure.step() + " with "
                    + hp.batchSize() + " examples of up to " + hp.maxLength() + " tokens per forward pass ("
                    + failure.message() + ")";
            return Diagnosis.atStep(kind(), Severity.PROBLEM, failure.step(), "Out of memory: the run failed",
                    new Evidence(sentence, values), remedy(hp, 0, true));
        });
    }

    /**
     * Half the micro-batch with twice the accumulation keeps the effective batch, so the optimisation is the same;
     * when the micro-batch is already 1, only shorter inputs help.
     */
    private static Remedy remedy(Hyperparameters hp, int retries, boolean failed) {
        Remedy.Builder remedy = Remedy.from(hp);
        int microBatch = Math.max(1, hp.batchSize() >> retries);
        int suggested = Math.max(1, microBatch / 2);
        if (suggested < hp.batchSize()) {
            int accumulation = (int) Math.ceil((double) hp.effectiveBatchSize() / suggested);
            remedy.set("batch_size", suggested).set("gradient_accumulation", Math.min(1024, accumulation));
        }
        boolean shorten = hp.batchSize() == 1 || (failed && suggested == microBatch);
        if (shorten && hp.maxLength() > MIN_SUGGESTED_MAX_LENGTH) {
            remedy.set("max_length", Math.max(MIN_SUGGESTED_MAX_LENGTH, hp.maxLength() / 2));
        }
        return remedy.build("use a smaller micro-batch with gradient accumulation, so the effective batch of "
                + hp.effectiveBatchSize() + " stays the same; a shorter max length, fp16 on a GPU or a smaller "
                + "model need less memory too");
    }
}
