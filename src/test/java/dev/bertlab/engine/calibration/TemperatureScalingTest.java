package dev.bertlab.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    // every example has logits (2, 0); 3 of 4 are class 0
    private static final LabeledLogits THREE_OF_FOUR = new LabeledLogits(
            new double[][] {{2, 0}, {2, 0}, {2, 0}, {2, 0}}, new int[] {0, 0, 0, 1});

    @Test
    void fitsTheTemperatureThatMatchesTheObservedFrequency() {
        // the NLL is smallest when P(class 0) = sigmoid(2 / T) = 3/4: 2 / T = ln 3, T = 2 / ln 3 = 1.8205
        TemperatureScaling scaling = TemperatureScaling.fit(THREE_OF_FOUR);

        assertThat(scaling.temperature()).isCloseTo(2 / Math.log(3), within(1e-6));
    }

    @Test
    void reportsLogLossAndEceBeforeAndAfterByHand() {
        CalibrationReport report = TemperatureScaling.fit(THREE_OF_FOUR).report(THREE_OF_FOUR);

        // before: p = sigmoid(2) = 0.8808; NLL = -(3/4 ln 0.8808 + 1/4 ln 0.1192) = 0.6269; ECE = 0.8808 - 0.75
        double p = 1 / (1 + Math.exp(-2));
        assertThat(report.logLossBefore()).isCloseTo(-(0.75 * Math.log(p) + 0.25 * Math.log(1 - p)), within(1e-12));
        assertThat(report.logLossBefore()).isCloseTo(0.6269, within(1e-4));
        assertThat(report.eceBefore()).isCloseTo(p - 0.75, within(1e-12));
        // after: p = 3/4; NLL = -(3/4 ln 3/4 + 1/4 ln 1/4) = 0.5623 (the entropy); ECE = 0
        assertThat(report.logLossAfter()).isCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), within(1e-12));
        assertThat(report.eceAfter()).isCloseTo(0, within(1e-6));
        assertThat(report.examples()).isEqualTo(4);
        assertThat(report.before().bins().get(8).count()).isEqualTo(4);
        assertThat(report.after().bins().get(7).count()).isEqualTo(4);
    }

    @Test
    void recoversTheTemperatureOfAnOverConfidentModel() {
        LabeledLogits validation = SyntheticClassifier.logits(4000, 3, 1.5, 2.5, 1);
        LabeledLogits test = SyntheticClassifier.logits(4000, 3, 1.5, 2.5, 2);

        TemperatureScaling scaling = TemperatureScaling.fit(validation);
        CalibrationReport report = scaling.report(test);

        assertThat(scaling.temperature()).isCloseTo(2.5, within(0.15));
        assertThat(report.logLossAfter()).isLessThan(report.logLossBefore() - 0.1);
        assertThat(report.eceBefore()).isGreaterThan(0.1);
        assertThat(report.eceAfter()).isLessThan(0.03);
    }

    @Test
    void leavesACalibratedModelAlone() {
        LabeledLogits validation = SyntheticClassifier.logits(4000, 3, 1.5, 1.0, 3);

        assertThat(TemperatureScaling.fit(validation).temperature()).isCloseTo(1.0, within(0.07));
    }

    @Test
    void sharpensAnUnderConfidentModel() {
        // reported logits are z / 2: T = 0.5 undoes it
        LabeledLogits validation = SyntheticClassifier.logits(4000, 2, 2.0, 0.5, 4);

        assertThat(TemperatureScaling.fit(validation).temperature()).isCloseTo(0.5, within(0.04));
    }

    @Test
    void logProbabilitiesFitTheSameTemperatureAsLogits() {
        LabeledLogits logits = SyntheticClassifier.logits(2000, 3, 1.5, 2.5, 5);
        PredictionSet predictions = asPredictions(logits);

        double fromLogits = TemperatureScaling.fit(logits).temperature();
        double fromProbabilities = TemperatureScaling.fit(LabeledLogits.fromProbabilities(predictions)).temperature();

        // equal up to the float rounding of the probabilities
        assertThat(fromProbabilities).isCloseTo(fromLogits, within(1e-3));
    }

    @Test
    void rescalesProbabilitiesWithoutMovingPredictions() {
        // T = 2: p' proportional to sqrt(p); sqrt(0.8) : sqrt(0.2) = 2 : 1, so (0.8, 0.2) becomes (2/3, 1/3)
        PredictionSet predictions = new PredictionSet(List.of("neg", "pos"), List.of(
                Prediction.of("a", 0, new float[] {0.8f, 0.2f}),
                new Prediction("b", 1, 1, new float[] {0.6f, 0.4f})));

        PredictionSet rescaled = new TemperatureScaling(2).apply(predictions);

        assertThat(rescaled.predictions().get(0).probabilities()[0]).isCloseTo(2f / 3, within(1e-6f));
        assertThat(rescaled.predictions().get(0).probabilities()[1]).isCloseTo(1f / 3, within(1e-6f));
        assertThat(rescaled.predictions().get(1).predicted()).isEqualTo(1);
        assertThat(rescaled.predictions()).extracting(Prediction::id).containsExactly("a", "b");
    }

    @Test
    void aValidationSplitWithoutMistakesEndsOnTheLowestTemperature() {
        LabeledLogits perfect = new LabeledLogits(new double[][] {{3, 0}, {0, 2}}, new int[] {0, 1});

        assertThat(TemperatureScaling.fit(perfect).temperature())
                .isCloseTo(TemperatureScaling.MIN_TEMPERATURE, within(1e-6));
    }

    @Test
    void negativeLogLikelihoodIsStableForHugeLogits() {
        // equal logits: -ln 1/2 = ln 2; (1000, 0) with gold 1: -ln(e^0 / (e^1000 + 1)) = 1000
        assertThat(new LabeledLogits(new double[][] {{0, 0}}, new int[] {0}).negativeLogLikelihood(1))
                .isCloseTo(Math.log(2), within(1e-15));
        assertThat(new LabeledLogits(new double[][] {{1000, 0}}, new int[] {1}).negativeLogLikelihood(1))
                .isCloseTo(1000, within(1e-9));
        assertThat(new LabeledLogits(new double[][] {{1000, 0}}, new int[] {1}).negativeLogLikelihood(10))
                .isCloseTo(100, within(1e-9));
    }

    @Test
    void floatLogitsFitLikeDoubleLogits() {
        LabeledLogits floats = LabeledLogits.of(new float[][] {{2f, 0f}, {2f, 0f}, {2f, 0f}, {2f, 0f}},
                new int[] {0, 0, 0, 1});

        assertThat(floats).isEqualTo(THREE_OF_FOUR);
        assertThat(TemperatureScaling.fit(floats).temperature()).isCloseTo(2 / Math.log(3), within(1e-6));
    }

    @Test
    void rejectsBadLogitsAndTemperatures() {
        assertThatThrownBy(() -> new TemperatureScaling(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabeledLogits(new double[][] {{1, Double.NaN}}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> new LabeledLogits(new double[][] {{1, 2}, {1}}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 values");
        assertThatThrownBy(() -> new LabeledLogits(new double[][] {{1, 2}}, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 0..1");
    }

    @Test
    void goldenSectionFindsInteriorAndBoundaryMinima() {
        assertThat(GoldenSectionSearch.minimise(x -> (x - 1.3) * (x - 1.3), 0, 5, 1e-9)).isCloseTo(1.3, within(1e-8));
        assertThat(GoldenSectionSearch.minimise(x -> x, 0, 5, 1e-9)).isEqualTo(0.0);
    }

    @Test
    void reportSerialisesToJson() throws Exception {
        CalibrationReport report = TemperatureScaling.fit(THREE_OF_FOUR).report(THREE_OF_FOUR);
        ObjectMapper mapper = new ObjectMapper();

        assertThat(mapper.readValue(mapper.writeValueAsString(report), CalibrationReport.class)).isEqualTo(report);
    }

    private static PredictionSet asPredictions(LabeledLogits logits) {
        double[][] probabilities = logits.probabilities(1);
        int[] gold = logits.gold();
        List<Prediction> predictions = new java.util.ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            float[] row = new float[probabilities[i].length];
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) probabilities[i][c];
            }
            predictions.add(Prediction.of("ex" + i, gold[i], row));
        }
        return new PredictionSet(List.of("a", "b", "c"), predictions);
    }
}
