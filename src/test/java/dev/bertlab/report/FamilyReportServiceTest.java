package dev.bertlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisKind;
import dev.bertlab.engine.diagnose.Evidence;
import dev.bertlab.engine.diagnose.Remedy;
import dev.bertlab.engine.diagnose.Severity;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogWriter;
import dev.bertlab.engine.significance.RunDifference;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.ExperimentStage;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.support.DashboardTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A family with real run directories - a first try cut to 8 tokens, its debugged child with max_length 32 and a
 * refined grandchild with more dropout - exported as HTML: the problem with its evidence, each step with its
 * change and significance, the final table, the generated summary and the charts.
 */
@Tag("spring")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "editor", roles = {"VIEWER", "EDITOR"})
class FamilyReportServiceTest {

    private static final Path DATA = DashboardTest.newDataDirectory("family-report");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEST_EXAMPLES = 160;
    private static final String TRUNCATION_EVIDENCE = "92% of the 160 training texts are longer than 8 tokens";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    @Autowired
    FamilyReportService reports;

    @Autowired
    FamilyReportExport export;

    @Autowired
    ExperimentService experiments;

    @Autowired
    TrainingRunRepository runs;

    @Test
    void reportsTheProblemTheStepsTheirSignificanceAndTheFinalTable() throws Exception {
        Hyperparameters cut = Hyperparameters.builder().epochs(2).maxLength(8).classifierDropout(0.1).build();
        Experiment root = experiments.save(experiment("imdb <b>tiny</b> & \"co\"", cut,
                "Short inputs <script>alert('x')</script> should be enough"), "editor");
        TrainingRun rootRun = run(root, cut, "root", 95, Map.of("f1", 0.601, "log_loss", 0.672),
                new double[] {0.69, 0.68, 0.67});
        diagnose(rootRun, new Diagnosis(DiagnosisKind.HEAVY_TRUNCATION, Severity.PROBLEM, null,
                "Most texts are cut short", new Evidence(TRUNCATION_EVIDENCE, Map.of("truncated_share", 0.92)),
                new Remedy("raise max_length to cover most texts", Map.of("max_length", 32)), List.of()));

        Hyperparameters longer = cut.toBuilder().maxLength(32).build();
        Experiment child = experiment("imdb tiny (fix: heavy truncation)", longer, null);
        child = experiments.refine(root.getId(), child, "Run #" + rootRun.getId() + ": heavy truncation - "
                + TRUNCATION_EVIDENCE + ". Applied: max_length 32.", ExperimentStage.DEBUGGED, "editor");
        TrainingRun childRun = run(child, longer, "child", 130, Map.of("f1", 0.815, "log_loss", 0.431),
                new double[] {0.69, 0.45, 0.30});
        diagnose(childRun, new Diagnosis(DiagnosisKind.OVERFITTING, Severity.WARNING, 30,
                "Validation loss rises", new Evidence("validation loss rose 0.41 -> 0.47 over 2 evaluations",
                        Map.of("from", 0.41, "to", 0.47)),
                new Remedy("regularise more", Map.of("classifier_dropout", 0.3)), List.of()));

        Hyperparameters regularised = longer.toBuilder().classifierDropout(0.3).build();
        Experiment grandchild = experiment("imdb tiny, more dropout", regularised, null);
        grandchild = experiments.refine(child.getId(), grandchild, "Dropout 0.1 -> 0.3 because the validation loss"
                + " rose while training loss fell (<overfitting> & noise)", ExperimentStage.REFINED, "editor");
        TrainingRun grandchildRun = run(grandchild, regularised, "grandchild", 136,
                Map.of("f1", 0.853, "log_loss", 0.377, "ece", 0.041), new double[] {0.69, 0.48, 0.35});

        // a sibling evaluated on a smaller test subset: compared, but not tested for significance
        Experiment sibling = experiment("imdb tiny, smaller test", longer, null);
        sibling.setSubsetTest(120);
        sibling = experiments.refine(root.getId(), sibling, "A quicker check on 120 test reviews",
                ExperimentStage.REFINED, "editor");
        run(sibling, longer, "sibling", 97, 120, Map.of("f1", 0.79, "log_loss", 0.45), new double[] {0.69, 0.5, 0.4});

        FamilyReport report = reports.build(grandchild.getId());
        assertThat(report.familyName()).isEqualTo(root.getName());
        assertThat(report.experiments()).extracting(ReportedExperiment::name)
                .containsExactly(root.getName(), child.getName(), grandchild.getName(), sibling.getName());
        assertThat(report.initialProblem()).extracting(Diagnosis::kind).containsExactly(DiagnosisKind.HEAVY_TRUNCATION);
        assertThat(report.steps()).hasSize(3);
        DebuggingStep fix = report.steps().get(0);
        assertThat(fix.changes()).containsExactly(new SettingChange("max_length", "8", "32"));
        assertThat(fix.motivatedBy()).extracting(Diagnosis::kind).containsExactly(DiagnosisKind.HEAVY_TRUNCATION);
        assertThat(fix.difference().significance()).isEqualTo(RunDifference.Significance.SIGNIFICANT);
        assertThat(fix.difference().bootstrap().accuracy().difference()).isEqualTo((130 - 95) / 160.0);
        DebuggingStep refinement = report.steps().get(1);
        assertThat(refinement.changes()).containsExactly(new SettingChange("classifier_dropout", "0.1", "0.3"));
        assertThat(refinement.motivatedBy()).extracting(Diagnosis::kind).containsExactly(DiagnosisKind.OVERFITTING);
        assertThat(refinement.difference()).isNotNull();
        DebuggingStep smallerTest = report.steps().get(2);
        assertThat(smallerTest.changes()).containsExactly(new SettingChange("subset_test", "all", "120"),
                new SettingChange("max_length", "8", "32"));
        assertThat(smallerTest.difference()).isNull();
        assertThat(smallerTest.noDifference()).contains("different test sets").doesNotEndWith(".");
        assertThat(report.evaluation()).extracting(EvaluationRow::runId).hasSize(4)
                .startsWith(rootRun.getId(), childRun.getId(), grandchildRun.getId());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export.writeHtml(child.getId(), bytes);
        String html = bytes.toString(StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "family-report.html"), html);

        // the initial problem with its evidence and remedy
        assertThat(html).contains(TRUNCATION_EVIDENCE).contains("heavy truncation")
                .contains("raise max_length to cover most texts (max_length 32)");
        // each step: its note, the changed settings before and after, the diagnosis it answers, the verdict
        assertThat(html).contains("Applied: max_length 32.")
                .contains("Dropout 0.1 -&gt; 0.3 because the validation loss rose while training loss fell"
                        + " (&lt;overfitting&gt; &amp; noise)")
                .contains("<tr><td>max_length</td><td>8</td><td>32</td></tr>")
                .contains("<tr><td>classifier_dropout</td><td>0.1</td><td>0.3</td></tr>")
                .contains("validation loss rose 0.41 -&gt; 0.47 over 2 evaluations")
                .contains(escaped(fix.difference().plainVerdict()))
                .contains("is better than").contains("by 21.9 accuracy points")
                .contains("the difference is significant.");
        // the final table, ECE included because one run recorded it
        assertThat(html).contains("<th>ECE</th>")
                .contains("<td class=\"number\">0.594</td><td class=\"number\">0.601</td>"
                        + "<td class=\"number\">0.672</td><td class=\"number\">–</td>")
                .contains("<td class=\"number\">0.850</td><td class=\"number\">0.853</td>"
                        + "<td class=\"number\">0.377</td><td class=\"number\">0.041</td>")
                .contains("<td class=\"number\">120</td><td class=\"number\">3 min 05 s</td>");
        // the generated summary, with the real numbers and the real interval
        Matcher summary = Pattern.compile("Raising max_length 8 -&gt; 32 \\(fix for heavy truncation\\) moved test"
                + " accuracy 0\\.594 -&gt; 0\\.813 \\(\\+21\\.9 points, 95% CI \\+([0-9.]+) to \\+([0-9.]+);"
                + " significant\\)\\.").matcher(html);
        assertThat(summary.find()).as("the summary sentence of the fix").isTrue();
        assertThat(Double.parseDouble(summary.group(1))).isCloseTo(
                100 * fix.difference().bootstrap().accuracy().lower(), org.assertj.core.api.Assertions.within(0.051));
        assertThat(html).contains("Raising classifier_dropout 0.1 -&gt; 0.3 (fix for overfitting) moved test"
                + " accuracy 0.813 -&gt; 0.850 (+3.7 points, 95% CI")
                .contains("Overall, imdb tiny, more dropout reached the best test accuracy, 0.850, against 0.594 for"
                        + " imdb &lt;b&gt;tiny&lt;/b&gt; &amp; &quot;co&quot; (+25.6 points).")
                .contains("Changing subset_test all -&gt; 120 and raising max_length 8 -&gt; 32 (fix for heavy"
                        + " truncation) moved test accuracy 0.594 -&gt; 0.808 (+21.5 points; not tested for"
                        + " significance: the runs were evaluated on different test sets")
                .contains("Before and after: not compared, the runs were evaluated on different test sets");
        // charts: a loss chart per run, a bar chart of test accuracy, each valid XML
        List<String> charts = svgs(html);
        assertThat(charts).hasSize(5);
        assertThat(charts.get(0)).contains("<polyline").contains("training loss").contains("validation loss");
        assertThat(charts.get(4)).contains("Test accuracy per experiment").contains("<rect");
        for (String chart : charts) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(chart.getBytes(StandardCharsets.UTF_8)));
        }
        // what people typed is escaped everywhere
        assertThat(html).doesNotContain("<b>tiny</b>").doesNotContain("<script>")
                .contains("imdb &lt;b&gt;tiny&lt;/b&gt; &amp; &quot;co&quot;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(FamilyReportExport.fileName(root.getName(), root.getId()))
                .isEqualTo("bertlab-report-imdb-b-tiny-b-co.html");
    }

    @Test
    void exportsAFamilyWithoutResults() throws IOException {
        Hyperparameters hp = Hyperparameters.builder().epochs(1).build();
        Experiment lonely = experiments.save(experiment("not run yet", hp, null), "editor");
        TrainingRun queued = new TrainingRun();
        queued.setExperimentId(lonely.getId());
        queued.setHyperparameters(hp);
        queued.setStatus(RunStatus.QUEUED);
        queued.setQueuedAt(Instant.now());
        queued.setCreatedBy("editor");
        runs.save(queued);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export.writeHtml(lonely.getId(), bytes);
        String html = bytes.toString(StandardCharsets.UTF_8);

        assertThat(html).contains("There are no results yet")
                .contains("No experiment of the family has a test result yet.")
                .contains("No finished run has been diagnosed yet.")
                .contains("The family has no refinements yet.")
                .contains("<td>no successful run</td>")
                .contains("no result");
        assertThat(svgs(html)).hasSize(1);
    }

    private static Experiment experiment(String name, Hyperparameters hyperparameters, String notes) {
        Experiment experiment = new Experiment();
        experiment.setName(name);
        experiment.setDataset("imdb");
        experiment.setBaseModel("all-MiniLM-L6-v2");
        experiment.setHyperparameters(hyperparameters);
        experiment.setNotes(notes);
        return experiment;
    }

    /**
     * A succeeded run with a training log and test predictions on {@code examples} reviews (the first of the same
     * ids each time), the first {@code right} of them right, so that its accuracy and its significance against
     * another run are real.
     */
    private TrainingRun run(Experiment experiment, Hyperparameters hyperparameters, String name, int right,
            Map<String, Double> otherMetrics, double[] trainLoss) throws IOException {
        return run(experiment, hyperparameters, name, right, TEST_EXAMPLES, otherMetrics, trainLoss);
    }

    private TrainingRun run(Experiment experiment, Hyperparameters hyperparameters, String name, int right,
            int examples, Map<String, Double> otherMetrics, double[] trainLoss) throws IOException {
        RunDirectory directory = new RunDirectory(DATA.resolve("runs").resolve(name));
        Files.createDirectories(directory.root());
        try (TrainingLogWriter log = new TrainingLogWriter(directory.trainingLog())) {
            for (int i = 0; i < trainLoss.length; i++) {
                log.onStep(new TrainingEvents.StepLogged(40 * (i + 1), i / 2.0, trainLoss[i], 2e-5, 1, 10, 1000, 0.1,
                        60.0 * (i + 1)));
            }
            log.onEvaluation(new TrainingEvents.Evaluated(60, 1, Map.of("loss", trainLoss[1] + 0.05, "accuracy",
                    right / (double) examples), false));
            log.onEvaluation(new TrainingEvents.Evaluated(120, 2, Map.of("loss", trainLoss[2] + 0.07, "accuracy",
                    right / (double) examples), true));
        }
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            int gold = i % 2;
            int predicted = i < right ? gold : 1 - gold;
            predictions.add(Prediction.of("review-" + i, gold, predicted == 1 ? new float[] {0.2f, 0.8f}
                    : new float[] {0.8f, 0.2f}));
        }
        PredictionsCsv.write(new PredictionSet(List.of("neg", "pos"), predictions), directory.predictions("test"));
        Map<String, Double> test = new LinkedHashMap<>();
        test.put("accuracy", right / (double) examples);
        test.putAll(otherMetrics);
        TrainingRun run = new TrainingRun();
        run.setExperimentId(experiment.getId());
        run.setHyperparameters(hyperparameters);
        run.setStatus(RunStatus.SUCCEEDED);
        Instant started = Instant.parse("2026-11-20T10:00:00Z");
        run.setQueuedAt(started);
        run.setStartedAt(started);
        run.setFinishedAt(started.plusSeconds(185));
        run.setStep(120);
        run.setTotalSteps(120);
        run.setCreatedBy("editor");
        run.setRunDirectory(directory.root().toString());
        run.setDatasetFingerprint("imdb-fixture");
        run.setTestMetrics(test);
        return runs.save(run);
    }

    private static void diagnose(TrainingRun run, Diagnosis diagnosis) throws IOException {
        JSON.writeValue(new RunDirectory(Path.of(run.getRunDirectory())).diagnoses().toFile(), List.of(diagnosis));
    }

    private static List<String> svgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher matcher = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (matcher.find()) {
            svgs.add(matcher.group());
        }
        return svgs;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
