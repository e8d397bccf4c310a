package dev.bertlab.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.engine.pretrained.TestModels;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.TrainingOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real fine-tune, end to end: the parity recipe (MiniLM, 2,000 IMDb training reviews, max length 256, one
 * epoch) must reach at least 0.78 test accuracy, and the exported model must reload to the same predictions.
 * About six minutes on two cores; -Dbertlab.fast=true skips it.
 */
@Tag("slow")
@DisabledIfSystemProperty(named = "bertlab.fast", matches = "true")
class ImdbFineTuneTest {

    @TempDir
    Path temp;

    @Test
    void miniLmOnAnImdbSliceReachesTheTargetAndExportsALoadableModel() throws Exception {
        RunConfig config = RunConfig.read(Path.of("examples/imdb-minilm.yaml"))
                .withOutput(temp.resolve("run").toString());
        FineTuneRun run = new FineTuneRun(DatasetCatalog.open(TestModels.dataDirectory()), TestModels.registry(),
                temp);
        RunResult result = run.execute(config, List.of(), line -> System.out.println("[imdb] " + line), () -> false,
                false);

        assertThat(result.outcome().reason()).isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        double accuracy = result.test().scalars().get("accuracy");
        System.out.printf(Locale.ROOT, "[imdb] test accuracy %.4f, log loss %.4f, training %.0f s%n", accuracy,
                result.test().scalars().get("log_loss"), result.outcome().trainSeconds());
        assertThat(accuracy).isGreaterThanOrEqualTo(0.78);
        RunDirectory files = result.directory();
        assertThat(files.trainingLog()).isNotEmptyFile();
        assertThat(Files.readAllLines(files.trainingLog())).anyMatch(line -> line.contains("\"type\":\"eval\""));
        assertThat(files.metrics("test")).isNotEmptyFile();

        PredictionSet saved = PredictionsCsv.read(files.predictions("test"));
        assertThat(saved.predictions()).hasSize(1000);
        List<Prediction> some = saved.predictions().subList(0, 8);
        Map<String, String> texts = new java.util.HashMap<>();
        DatasetCatalog.open(TestModels.dataDirectory()).load("imdb").split(dev.bertlab.engine.data.Split.TEST)
                .forEach(example -> texts.put(example.id(), example.text()));
        try (TextClassifier classifier = TextClassifier.open(TestModels.registry(), files.model().toString(),
                Device.cpu(), 0, Truncation.HEAD)) {
            assertThat(classifier.maxLength()).isEqualTo(256);
            List<TextClassifier.Classification> again = classifier.classify(
                    some.stream().map(p -> texts.get(p.id())).toList());
            for (int i = 0; i < some.size(); i++) {
                assertThat(again.get(i).probabilities()).usingComparatorWithPrecision(1e-5f)
                        .containsExactly(some.get(i).probabilities());
            }
        }
    }
}
