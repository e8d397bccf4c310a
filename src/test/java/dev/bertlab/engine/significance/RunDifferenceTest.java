package dev.bertlab.engine.significance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RunDifferenceTest {

    @Test
    void aClearGainIsSignificant() {
        PredictionSet[] runs = TwoRuns.thousandExamples();

        RunDifference difference = RunDifference.compute("A", runs[0], "B", runs[1], PairedBootstrap.withSeed(1));

        // accuracy 0.87 - 0.83 = 4.0 points; b = 30, c = 70: chi2 = 39^2 / 100 = 15.21, p = 9.6e-5
        BootstrapDifference accuracy = difference.bootstrap().accuracy();
        assertThat(difference.mcNemar().method()).isEqualTo(McNemarMethod.CHI_SQUARE_CORRECTED);
        assertThat(difference.significance()).isEqualTo(RunDifference.Significance.SIGNIFICANT);
        assertThat(difference.plainVerdict()).isEqualTo(String.format(Locale.ROOT,
                "B is better than A by 4.0 accuracy points (95%% CI %.1f to %.1f); McNemar p < 0.001: "
                        + "the difference is significant.", 100 * accuracy.lower(), 100 * accuracy.upper()));
    }

    @Test
    void aLossIsWorseAndNamesTheRuns() {
        PredictionSet[] runs = TwoRuns.thousandExamples();

        String verdict = RunDifference.compute("tuned", runs[1], "baseline", runs[0], PairedBootstrap.withSeed(1))
                .plainVerdict();

        assertThat(verdict).startsWith("baseline is worse than tuned by 4.0 accuracy points (95% CI -");
    }

    @Test
    void aSmallDifferenceCouldBeNoise() {
        // 200 examples, b = 10, c = 12: exact p = 2 P(X <= 10 | 22, 1/2) = 0.832
        PredictionSet[] runs = TwoRuns.expand(new int[][] {{100, 1, 1, 1}, {70, 0, 0, 0}, {10, 1, 1, 0},
                {12, 0, 1, 0}, {8, 0, 1, 1}}, TwoRuns.BINARY);

        RunDifference difference = RunDifference.compute("A", runs[0], "B", runs[1], PairedBootstrap.withSeed(1));

        assertThat(difference.significance()).isEqualTo(RunDifference.Significance.NOT_SIGNIFICANT);
        assertThat(difference.plainVerdict())
                .startsWith("B is better than A by 1.0 accuracy points (95% CI -")
                .endsWith("; McNemar p = 0.832: the difference is not significant (could be noise).");
    }

    @Test
    void testsThatDisagreeMakeABorderlineVerdict() {
        // an interval above 0 but McNemar p = 0.0625 (0 of 5 disagreements, 2 / 32), shown rounded half up
        BootstrapDifference accuracy = BootstrapDifference.of("accuracy", 0.80, 0.825, 0.005, 0.045);
        PairedBootstrapResult bootstrap = new PairedBootstrapResult(200, 1000, 1, accuracy, accuracy);
        RunDifference difference = new RunDifference("A", "B", bootstrap, McNemarTest.of(160, 0, 5, 35, 0.05));

        assertThat(difference.significance()).isEqualTo(RunDifference.Significance.BORDERLINE);
        assertThat(difference.plainVerdict()).isEqualTo("B is better than A by 2.5 accuracy points (95% CI 0.5 to "
                + "4.5); McNemar p = 0.063: the evidence is borderline (the bootstrap interval and McNemar's test "
                + "disagree).");
    }

    @Test
    void equalRunsHaveTheSameAccuracy() {
        PredictionSet[] runs = TwoRuns.thousandExamples();

        assertThat(RunDifference.compute("A", runs[0], "B", runs[0], PairedBootstrap.withSeed(1)).plainVerdict())
                .isEqualTo("B and A have the same accuracy (95% CI 0.0 to 0.0); McNemar p = 1.000: "
                        + "the difference is not significant (could be noise).");
    }

    @Test
    void serialisesToJsonAndBack() throws Exception {
        PredictionSet[] runs = TwoRuns.thousandExamples();
        RunDifference difference = RunDifference.compute("A", runs[0], "B", runs[1], PairedBootstrap.withSeed(1));
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(difference);

        assertThat(json).contains("\"onlyBRight\":70", "\"excludesZero\":true", "\"method\":\"CHI_SQUARE_CORRECTED\"");
        assertThat(mapper.readValue(json, RunDifference.class)).isEqualTo(difference);
    }
}
