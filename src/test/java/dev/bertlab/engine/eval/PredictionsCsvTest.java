package dev.bertlab.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvTest {

    @TempDir
    Path dir;

    private final PredictionSet predictions = new PredictionSet(List.of("neg", "pos"), List.of(
            Prediction.of("e1", 1, new float[] {0.3f, 0.7f}),
            Prediction.of("e2", 1, new float[] {0.5f, 0.5f}),
            Prediction.of("e3", 0, new float[] {0.999999f, 1.0E-6f})));

    @Test
    void writesHeaderAndOneRowPerExample() throws IOException {
        Path file = dir.resolve("predictions.csv");
        PredictionsCsv.write(predictions, file);

        assertThat(Files.readAllLines(file)).containsExactly(
                "id,gold,predicted,confidence,p_neg,p_pos",
                "e1,pos,pos,0.7,0.3,0.7",
                "e2,pos,neg,0.5,0.5,0.5",
                "e3,neg,neg,0.999999,0.999999,1.0E-6");
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = dir.resolve("predictions.csv");
        PredictionsCsv.write(predictions, file);

        assertThat(PredictionsCsv.read(file)).isEqualTo(predictions);
    }

    @Test
    void quotesLabelsAndIdsThatHoldSeparators() throws IOException {
        PredictionSet awkward = new PredictionSet(List.of("bad, really", "say \"good\"", "neutral"), List.of(
                Prediction.of("line\nbreak", 0, new float[] {0.2f, 0.5f, 0.3f}),
                Prediction.of("a,b", 1, new float[] {0.1f, 0.8f, 0.1f})));
        Path file = dir.resolve("predictions.csv");
        PredictionsCsv.write(awkward, file);

        assertThat(Files.readString(file)).startsWith(
                "id,gold,predicted,confidence,\"p_bad, really\",\"p_say \"\"good\"\"\",p_neutral\n");
        assertThat(PredictionsCsv.read(file)).isEqualTo(awkward);
    }

    @Test
    void regressionPredictionsRoundTrip() throws IOException {
        List<RegressionPrediction> values = List.of(new RegressionPrediction("r1", 3.0, 2.5),
                new RegressionPrediction("r2", -0.1, 1e-300));
        Path file = dir.resolve("predictions.csv");
        PredictionsCsv.writeRegression(values, file);

        assertThat(Files.readAllLines(file).get(0)).isEqualTo("id,gold,predicted");
        assertThat(PredictionsCsv.readRegression(file)).isEqualTo(values);
    }

    @Test
    void unknownLabelNamesLineAndColumn() throws IOException {
        Path file = write("id,gold,predicted,confidence,p_neg,p_pos", "e1,pos,pos,0.7,0.3,0.7",
                "e2,neutral,neg,0.5,0.5,0.5");

        assertThatThrownBy(() -> PredictionsCsv.read(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageContaining(file + ", line 3, column 'gold': unknown label 'neutral', expected one of "
                        + "[neg, pos]");
    }

    @Test
    void probabilityThatIsNotANumberNamesItsColumn() throws IOException {
        Path file = write("id,gold,predicted,confidence,p_neg,p_pos", "e1,pos,pos,0.7,0.3,high");

        assertThatThrownBy(() -> PredictionsCsv.read(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageContaining("line 2, column 'p_pos': 'high' is not a number");
    }

    @Test
    void rowOfTheWrongWidthIsRejected() throws IOException {
        Path file = write("id,gold,predicted,confidence,p_neg,p_pos", "e1,pos,pos,0.7,0.3");

        assertThatThrownBy(() -> PredictionsCsv.read(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageContaining("line 2: has 5 values, expected 6");
    }

    @Test
    void foreignHeaderIsRejected() throws IOException {
        Path file = write("id,label,p_neg,p_pos", "e1,pos,0.3,0.7");

        assertThatThrownBy(() -> PredictionsCsv.read(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageContaining("line 1: header is [id, label, p_neg, p_pos], expected "
                        + "id,gold,predicted,confidence then a p_<label> column");
        assertThatThrownBy(() -> PredictionsCsv.readRegression(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageContaining("expected [id, gold, predicted]");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write();

        assertThatThrownBy(() -> PredictionsCsv.read(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void predictionSetRejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new PredictionSet(List.of("a", "b", "c"),
                List.of(Prediction.of("e1", 0, new float[] {0.4f, 0.6f}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction 'e1' has 2 probabilities but there are 3 labels");
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("predictions.csv");
        Files.write(file, List.of(lines));
        return file;
    }
}
