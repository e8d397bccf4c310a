package dev.bertlab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.calibration.LabeledLogits;
import dev.bertlab.engine.calibration.TemperatureScaling;
import dev.bertlab.engine.eval.LengthBucketAccuracy;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PrecisionRecallCurve;
import dev.bertlab.engine.eval.RocCurve;
import dev.bertlab.engine.eval.ThresholdTuning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation page reads a run's evaluation.json back: every part must survive the round trip unchanged. */
class DeepEvaluationJsonTest {

    @Test
    void anEvaluationReadsBackAsItWasWritten() throws Exception {
        List<Prediction> predictions = new ArrayList<>();
        Map<String, Integer> lengths = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            int gold = i % 2;
            float positive = (float) ((i * 37 % 40) / 40.0);
            predictions.add(Prediction.of("r" + i, gold, new float[] {1 - positive, positive}));
            lengths.put("r" + i, 50 + i * 20);
        }
        PredictionSet test = new PredictionSet(List.of("negative", "positive"), predictions);
        int[] gold = predictions.stream().mapToInt(Prediction::gold).toArray();
        float[][] probabilities = predictions.stream().map(Prediction::probabilities).toArray(float[][]::new);
        DeepEvaluation evaluation = new DeepEvaluation(test.labels(), "positive",
                RocCurve.ofClass(gold, probabilities, test.labels(), 1),
                PrecisionRecallCurve.ofClass(gold, probabilities, test.labels(), 1),
                TemperatureScaling.fit(LabeledLogits.fromProbabilities(test))
                        .report(LabeledLogits.fromProbabilities(test)),
                ThresholdTuning.tune(test, test), LengthBucketAccuracy.of(test, lengths));

        ObjectMapper json = new ObjectMapper();
        DeepEvaluation read = json.readValue(json.writeValueAsString(evaluation), DeepEvaluation.class);

        assertThat(read).isEqualTo(evaluation);
        assertThat(read.roc().area()).isEqualTo(evaluation.roc().area());
        assertThat(read.lengthBuckets().buckets()).hasSize(4);
    }
}
