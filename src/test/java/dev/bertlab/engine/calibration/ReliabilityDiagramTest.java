package dev.bertlab.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityDiagramTest {

    // three pairs of examples in three bins of ten
    private static final double[] CONFIDENCES = {0.95, 0.91, 0.85, 0.82, 0.55, 0.52};
    private static final boolean[] CORRECT = {true, false, true, true, false, true};

    @Test
    void binsAndCalibrationErrorsByHand() {
        ReliabilityDiagram diagram = ReliabilityDiagram.of(CONFIDENCES, CORRECT, 10);

        // (0.9, 1.0]: 0.95 right, 0.91 wrong   -> confidence 0.93,  accuracy 0.5, gap 0.43
        // (0.8, 0.9]: 0.85 right, 0.82 right   -> confidence 0.835, accuracy 1.0, gap 0.165
        // (0.5, 0.6]: 0.55 wrong, 0.52 right   -> confidence 0.535, accuracy 0.5, gap 0.035
        // ECE = 2/6 * (0.43 + 0.165 + 0.035) = 0.21; MCE = 0.43
        List<ReliabilityBin> bins = diagram.bins();
        assertThat(bins).hasSize(10);
        assertThat(bins.get(9).count()).isEqualTo(2);
        assertThat(bins.get(9).meanConfidence()).isCloseTo(0.93, within(1e-12));
        assertThat(bins.get(9).accuracy()).isEqualTo(0.5);
        assertThat(bins.get(8).meanConfidence()).isCloseTo(0.835, within(1e-12));
        assertThat(bins.get(8).accuracy()).isEqualTo(1.0);
        assertThat(bins.get(5).meanConfidence()).isCloseTo(0.535, within(1e-12));
        assertThat(bins.get(5).lower()).isEqualTo(0.5);
        assertThat(bins.get(5).upper()).isEqualTo(0.6);
        assertThat(diagram.expectedCalibrationError()).isCloseTo(0.21, within(1e-12));
        assertThat(diagram.maximumCalibrationError()).isCloseTo(0.43, within(1e-12));
        assertThat(diagram.examples()).isEqualTo(6);
    }

    @Test
    void emptyBinsHaveNoAverages() {
        ReliabilityBin empty = ReliabilityDiagram.of(CONFIDENCES, CORRECT, 10).bins().get(0);

        assertThat(empty.count()).isZero();
        assertThat(empty.meanConfidence()).isNull();
        assertThat(empty.accuracy()).isNull();
        assertThat(empty.gap()).isZero();
    }

    @Test
    void aConfidenceOnAnEdgeBelongsToTheBinBelow() {
        // 0.7 * 10 = 7.000000000000001 in doubles, yet 0.7 is the upper edge of (0.6, 0.7]
        assertThat(ReliabilityDiagram.binOf(0.7, 10)).isEqualTo(6);
        assertThat(ReliabilityDiagram.binOf(0.3, 10)).isEqualTo(2);
        assertThat(ReliabilityDiagram.binOf(0.30000001, 10)).isEqualTo(3);
        assertThat(ReliabilityDiagram.binOf(0.0, 10)).isZero();
        assertThat(ReliabilityDiagram.binOf(1.0, 10)).isEqualTo(9);
        assertThat(ReliabilityDiagram.binOf(0.5, 2)).isZero();
    }

    @Test
    void binCountIsConfigurable() {
        // five bins: 0.95, 0.91, 0.85, 0.82 fall in (0.8, 1.0]; 0.55, 0.52 in (0.4, 0.6]
        // (0.8, 1]: confidence 3.53 / 4 = 0.8825, accuracy 3/4, gap 0.1325; (0.4, 0.6]: gap 0.035
        // ECE = 4/6 * 0.1325 + 2/6 * 0.035 = 0.1; MCE = 0.1325
        ReliabilityDiagram diagram = ReliabilityDiagram.of(CONFIDENCES, CORRECT, 5);

        assertThat(diagram.bins()).extracting(ReliabilityBin::count).containsExactly(0, 0, 2, 0, 4);
        assertThat(diagram.expectedCalibrationError()).isCloseTo(0.1, within(1e-12));
        assertThat(diagram.maximumCalibrationError()).isCloseTo(0.1325, within(1e-12));
    }

    @Test
    void perfectlyCalibratedConfidencesHaveNoError() {
        // in (0.7, 0.8]: four examples at 0.75, three right
        ReliabilityDiagram diagram = ReliabilityDiagram.of(new double[] {0.75, 0.75, 0.75, 0.75},
                new boolean[] {true, true, false, true}, 10);

        assertThat(diagram.expectedCalibrationError()).isZero();
    }

    @Test
    void readsConfidenceAndCorrectnessFromPredictions() {
        // confidence = probability of the predicted class: 0.9 (right), 0.7 (wrong), 0.55 (right, class 1)
        PredictionSet predictions = new PredictionSet(List.of("neg", "pos"), List.of(
                Prediction.of("a", 0, new float[] {0.9f, 0.1f}),
                Prediction.of("b", 1, new float[] {0.7f, 0.3f}),
                Prediction.of("c", 1, new float[] {0.45f, 0.55f})));

        ReliabilityDiagram diagram = ReliabilityDiagram.of(predictions);

        assertThat(diagram.bins().get(8).accuracy()).isEqualTo(1.0);
        assertThat(diagram.bins().get(6).accuracy()).isEqualTo(0.0);
        assertThat(diagram.bins().get(5).count()).isEqualTo(1);
        // ECE = 1/3 (|1 - 0.9| + |0 - 0.7| + |1 - 0.55|) = 1.25 / 3 (float inputs: 1e-7)
        assertThat(diagram.expectedCalibrationError()).isCloseTo(1.25 / 3, within(1e-7));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ReliabilityDiagram.of(new double[] {1.2}, new boolean[] {true}, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a probability");
        assertThatThrownBy(() -> ReliabilityDiagram.of(new double[] {Double.NaN}, new boolean[] {true}, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReliabilityDiagram.of(new double[] {0.5}, new boolean[] {true, false}, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 confidences but 2");
        assertThatThrownBy(() -> ReliabilityDiagram.of(new double[0], new boolean[0], 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no examples");
        assertThatThrownBy(() -> ReliabilityDiagram.of(CONFIDENCES, CORRECT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 bin");
    }

    @Test
    void serialisesToJsonAndBack() throws Exception {
        ReliabilityDiagram diagram = ReliabilityDiagram.of(CONFIDENCES, CORRECT, 10);
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(diagram);

        assertThat(json).contains("\"meanConfidence\":null", "\"expectedCalibrationError\":");
        assertThat(mapper.readValue(json, ReliabilityDiagram.class)).isEqualTo(diagram);
    }
}
