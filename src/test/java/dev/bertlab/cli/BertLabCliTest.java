package dev.bertlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.pretrained.HuggingFaceModelDirectory;
import dev.bertlab.engine.pretrained.TestModels;
import dev.bertlab.engine.tokenize.WordPieceTokenizerJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BertLabCliTest {

    @TempDir
    Path temp;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) {
        return runIn(TestModels.dataDirectory(), args);
    }

    private Result runIn(Path dataDirectory, String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine commandLine = BertLabCli.commandLine();
            commandLine.setErr(new java.io.PrintWriter(err, true));
            List<String> all = new ArrayList<>(List.of(args));
            if (!all.isEmpty() && !all.get(0).startsWith("-")) {
                all.add(1, "--data=" + dataDirectory);
            }
            int code = commandLine.execute(all.toArray(String[]::new));
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }

    @Test
    void compareSaysWhetherTheSecondRunIsReallyBetter() throws Exception {
        // 200 test reviews: A right on the first 150, B on the first 180 (only B right: 30, only A right: 0)
        Path a = predictions("a.csv", 150);
        Path b = predictions("b.csv", 180);
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = BertLabCli.commandLine().execute("compare", a.toString(), b.toString());
        } finally {
            System.setOut(originalOut);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed).contains("B is better than A by 15.0 accuracy points")
                .contains("the difference is significant").contains("accuracy: A 0.7500, B 0.9000, B - A +0.1500")
                .contains("only A right 0, only B right 30");
    }

    private Path predictions(String name, int right) throws Exception {
        List<dev.bertlab.engine.eval.Prediction> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int gold = i % 2;
            int predicted = i < right ? gold : 1 - gold;
            rows.add(dev.bertlab.engine.eval.Prediction.of("review-" + i, gold, predicted == 1
                    ? new float[] {0.2f, 0.8f} : new float[] {0.8f, 0.2f}));
        }
        Path file = temp.resolve(name);
        dev.bertlab.engine.eval.PredictionsCsv.write(new dev.bertlab.engine.eval.PredictionSet(
                List.of("negative", "positive"), rows), file);
        return file;
    }

    @Test
    void aConfigWithInvalidHyperparametersIsRefusedWithEveryProblem() throws Exception {
        Path config = temp.resolve("bad.yaml");
        Files.writeString(config, """
                name: bad
                dataset: amazon
                base_model: all-MiniLM-L6-v2
                hyperparameters: {learning_rate: -1, max_length: 2048}
                """);
        Result result = run("train", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("learning_rate").contains("max_length").doesNotContain("\tat ");
    }

    @Test
    void anUnknownSettingIsNamed() throws Exception {
        Path config = temp.resolve("typo.yaml");
        Files.writeString(config, "name: typo\ndataset: amazon\nbase_model: all-MiniLM-L6-v2\nlearning_rte: 1\n");
        Result result = run("train", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown setting 'learning_rte'").contains("line 4");
    }

    @Test
    void modelsFindsTheArchivesTheBuildPutInTheCheckoutWhenTheDataDirectoryIsElsewhere() {
        // as a user runs it: BERTLAB_DATA (here --data) points at a fresh folder, bertlab.archives is not set
        String configured = System.clearProperty("bertlab.archives");
        try {
            Result result = runIn(temp.resolve("elsewhere"), "models");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).containsPattern("all-MiniLM-L6-v2 +[0-9.]+M params +archived")
                    .doesNotContain("missing");
        } finally {
            if (configured != null) {
                System.setProperty("bertlab.archives", configured);
            }
        }
    }

    @Test
    void anExportedModelTellsTransformersTheMaxLengthAndTheSideItWasTrainedWith() throws Exception {
        Path config = Files.writeString(temp.resolve("tiny-tail.yaml"), """
                name: tiny-tail
                dataset: amazon
                subset: {train: 32, validation: 16, test: 16}
                base_model: all-MiniLM-L6-v2
                device: cpu
                matmul_precision: highest
                hyperparameters:
                  batch_size: 16
                  epochs: 1
                  max_length: 48
                  truncation: tail
                  eval_strategy: "NO"
                  save_strategy: "NO"
                  load_best_model_at_end: false
                """);
        Path output = temp.resolve("tiny-tail");
        Result result;
        try {
            result = run("train", "--config", config.toString(), "--output", output.toString());
        } finally {
            dev.bertlab.engine.LibTorchMatmul.set(dev.bertlab.engine.MatmulPrecision.defaultFor(false));
        }
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.json.JsonMapper().readTree(output.resolve("run.json").toFile())
                .path("matmul_precision").asText()).as("the run records its matmul precision").isEqualTo("highest");
        com.fasterxml.jackson.databind.JsonNode tokenizer = new com.fasterxml.jackson.databind.json.JsonMapper()
                .readTree(output.resolve("model").resolve("tokenizer_config.json").toFile());
        assertThat(tokenizer.path("model_max_length").asInt()).isEqualTo(48);
        assertThat(tokenizer.path("truncation_side").asText()).isEqualTo("left");
    }

    @Test
    void anUnknownMatmulPrecisionIsRefusedWithTheChoices() throws Exception {
        Path config = Files.writeString(temp.resolve("low.yaml"),
                "name: low\ndataset: amazon\nbase_model: all-MiniLM-L6-v2\nmatmul_precision: low\n");
        Result result = run("train", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("matmul_precision must be highest, high or medium").doesNotContain("\tat ");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        Result result = run("train");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--config");
    }

    @Test
    void predictPrintsALabelAndProbabilitiesPerText() throws Exception {
        Path model = tinyModel();
        Result result = run("predict", "--model", model.toString(), "a great movie", "boring plot");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("text,label,confidence,p_negative,p_positive,truncated");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("a great movie,").containsAnyOf(",negative,", ",positive,");
    }

    @Test
    void predictGivesTheSameProbabilitiesOnOnnxRuntimeAndOnTheEngine() throws Exception {
        Path model = tinyModel();
        Result onnx = run("predict", "--model", model.toString(), "--runtime", "onnx", "a great movie", "boring plot");
        Result engine = run("predict", "--model", model.toString(), "--runtime", "djl", "a great movie", "boring plot");
        assertThat(onnx.exitCode()).as(onnx.err()).isEqualTo(0);
        assertThat(engine.exitCode()).as(engine.err()).isEqualTo(0);
        assertThat(model.resolve("model.onnx")).exists();
        assertThat(onnx.out()).isEqualTo(engine.out());
        assertThat(run("predict", "--model", model.toString(), "--runtime", "tensorflow", "x").err())
                .contains("not one of auto, onnx, onnx-int8, djl");
    }

    @Test
    void exportWritesAnOnnxGraphAndChecksItAgainstTheEngine() throws Exception {
        Path model = tinyModel();
        Path target = temp.resolve("exported").resolve("classifier.onnx");
        Result result = run("export", "--model", model.toString(), "--output", target.toString(), "--operators",
                "standard");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(target).exists();
        assertThat(result.out()).contains("standard operators");
        double difference = Double.parseDouble(result.out().replaceAll("(?s).*at most ([0-9.eE+-]+).*", "$1").trim());
        assertThat(difference).isLessThan(1e-4);
        assertThat(run("export", "--model", model.toString(), "--operators", "fast").exitCode()).isEqualTo(2);
    }

    @Test
    void int8MeasuresAFinishedRunsInt8GraphOnItsTestSplit() throws Exception {
        dev.bertlab.engine.run.RunDirectory run = dev.bertlab.classify.TinySentimentModel.copyRun("cli-int8");
        Result result = run("int8", "--run", run.root().toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).containsPattern("int8 [0-9.]+ vs [0-9.]+ float \\([+-][0-9.]+ points\\) on 16 test "
                + "examples").containsAnyOf("offered for serving", "not offered");
        assertThat(run.model().resolve("model.int8.onnx")).exists();
        assertThat(run.model().resolve("int8.json")).exists();
        assertThat(run("int8", "--run", temp.toString()).err()).contains("no model with test predictions");
    }

    @Test
    void anEmptyTextGetsAMessage() throws Exception {
        Result result = run("predict", "--model", tinyModel().toString(), "  ");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("empty");
    }

    @Test
    void fillMaskWithoutAMaskSaysSo() {
        Result result = run("fill-mask", "no mask here");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no [MASK]");
    }

    private Path tinyModel() throws Exception {
        List<String> vocab = new ArrayList<>(WordPieceTokenizerJson.SPECIAL_TOKENS);
        vocab.addAll(List.of("a", "great", "movie", "boring", "plot"));
        Files.write(temp.resolve("vocab.txt"), vocab);
        Path tokenizer = temp.resolve("tokenizer.json");
        WordPieceTokenizerJson.write(temp.resolve("vocab.txt"), true, tokenizer);
        BertConfig config = BertConfig.tiny(vocab.size());
        Path directory = temp.resolve("model");
        try (LoadedBert model = LoadedBert.create(config, TaskHead.classification(2), DropoutRates.NONE,
                Device.cpu(), Map.of(), 1)) {
            HuggingFaceModelDirectory.write(directory, new HuggingFaceModelDirectory.Export(config, DropoutRates.NONE,
                    BertWeights.snapshot(model.network()), List.of("negative", "positive"), tokenizer, true, 32));
        }
        return directory;
    }
}
