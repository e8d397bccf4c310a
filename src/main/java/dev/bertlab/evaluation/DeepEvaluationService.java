package dev.bertlab.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.calibration.CalibrationReport;
import dev.bertlab.engine.calibration.LabeledLogits;
import dev.bertlab.engine.calibration.TemperatureScaling;
import dev.bertlab.engine.eval.LengthBucketAccuracy;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PrecisionRecallCurve;
import dev.bertlab.engine.eval.RocCurve;
import dev.bertlab.engine.eval.ThresholdTuning;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.run.RunArtifacts;
import dev.bertlab.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Computes a run's {@link DeepEvaluation} from its validation and test predictions (no model needed) and keeps it
 * in the run directory, so that the page opens at once the second time.
 */
@Service
public class DeepEvaluationService {

    private static final Logger LOG = LoggerFactory.getLogger(DeepEvaluationService.class);
    static final String FILE = "evaluation.json";

    private final RunArtifacts artifacts;
    private final ObjectMapper json;

    public DeepEvaluationService(RunArtifacts artifacts, ObjectMapper json) {
        this.artifacts = artifacts;
        this.json = json;
    }

    /** The stored evaluation, or a fresh one (reads the dataset for the lengths: call it off the UI thread). */
    public DeepEvaluation evaluate(TrainingRun run) {
        Path file = file(run);
        if (Files.isRegularFile(file)) {
            try {
                return json.readValue(file.toFile(), DeepEvaluation.class);
            } catch (IOException e) {
                LOG.warn("cannot read {}; computing it again", file, e);
            }
        }
        DeepEvaluation evaluation = compute(run);
        try {
            json.writeValue(file.toFile(), evaluation);
        } catch (IOException e) {
            LOG.warn("cannot keep the evaluation of run {} in {}", run.getId(), file, e);
        }
        return evaluation;
    }

    DeepEvaluation compute(TrainingRun run) {
        PredictionSet test = artifacts.predictions(run, "test").orElseThrow(() -> new IllegalStateException(
                "run #" + run.getId() + " has no test predictions of a classifier"));
        Optional<PredictionSet> validation = artifacts.predictions(run, "validation");
        List<String> labels = test.labels();
        boolean binary = labels.size() == 2;
        int[] gold = test.predictions().stream().mapToInt(Prediction::gold).toArray();
        float[][] probabilities = test.predictions().stream().map(Prediction::probabilities).toArray(float[][]::new);
        RocCurve roc = binary ? RocCurve.ofClass(gold, probabilities, labels, 1) : null;
        PrecisionRecallCurve pr = binary ? PrecisionRecallCurve.ofClass(gold, probabilities, labels, 1) : null;
        // the temperature is fitted where the model was tuned, and judged on data it has not seen
        LabeledLogits testLogits = LabeledLogits.fromProbabilities(test);
        CalibrationReport calibration = TemperatureScaling.fit(LabeledLogits.fromProbabilities(
                validation.orElse(test))).report(testLogits);
        ThresholdTuning threshold = binary && validation.isPresent() ? ThresholdTuning.tune(validation.get(), test)
                : null;
        return new DeepEvaluation(labels, binary ? labels.get(1) : null, roc, pr, calibration, threshold,
                lengthBuckets(run, test));
    }

    /** Accuracy by length in the model's own word pieces, as long reviews lose their middle to truncation. */
    private LengthBucketAccuracy lengthBuckets(TrainingRun run, PredictionSet test) {
        Path tokenizer = new RunDirectory(Path.of(run.getRunDirectory())).model().resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            return null;
        }
        try (TextEncoder encoder = TextEncoder.open(tokenizer, 512, Truncation.HEAD)) {
            Map<String, String> texts = artifacts.testTexts(run, test.predictions().stream().map(Prediction::id)
                    .toList());
            Map<String, Integer> lengths = new HashMap<>();
            texts.forEach((id, text) -> lengths.put(id, encoder.wordPieces(text).length + 2));
            return LengthBucketAccuracy.of(test, lengths);
        } catch (IOException | RuntimeException e) {
            LOG.warn("no length buckets for run {}: {}", run.getId(), e.toString());
            return null;
        }
    }

    private static Path file(TrainingRun run) {
        if (run.getRunDirectory() == null) {
            throw new IllegalStateException("run #" + run.getId() + " has no directory yet");
        }
        return Path.of(run.getRunDirectory()).resolve(FILE);
    }
}
