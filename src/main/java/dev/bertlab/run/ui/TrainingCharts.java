package dev.bertlab.run.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.web.chart.EChart;
import java.util.List;
import java.util.Map;

/**
 * The run's curves: training and validation loss, validation accuracy and F1, the learning rate. Drawn from the
 * training log when the page opens, then extended point by point as the run reports them.
 */
class TrainingCharts extends Div {

    private final EChart loss = chart("loss-chart");
    private final EChart quality = chart("quality-chart");
    private final EChart learningRate = chart("learning-rate-chart");
    private int lastTrainStep;
    private int lastEvalStep;
    private String f1Key = "f1";

    TrainingCharts() {
        setWidthFull();
        getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)")
                .set("grid-template-columns", "repeat(auto-fit, minmax(360px, 1fr))");
        add(loss, quality, learningRate);
    }

    void draw(TrainingLogReader.Log log) {
        if (!log.eval().isEmpty() && !log.eval().get(0).containsKey("eval_f1")) {
            f1Key = "f1_macro"; // more than two classes: there is no binary F1
        }
        loss.setOption(ChartOptions.lines("Loss", "loss", List.of(
                new ChartOptions.Line("training", ChartOptions.byStep(log.trainCurve("loss")), false),
                new ChartOptions.Line("validation", ChartOptions.byStep(log.evalCurve("loss")), true))));
        quality.setOption(ChartOptions.lines("Validation accuracy and F1", "", List.of(
                new ChartOptions.Line("accuracy", ChartOptions.byStep(log.evalCurve("accuracy")), true),
                new ChartOptions.Line(f1Key.replace('_', ' '), ChartOptions.byStep(log.evalCurve(f1Key)), true))));
        learningRate.setOption(ChartOptions.lines("Learning rate", "", List.of(
                new ChartOptions.Line("learning rate", ChartOptions.byStep(log.trainCurve("learning_rate")), false))));
        lastTrainStep = lastStep(log.train());
        lastEvalStep = lastStep(log.eval());
    }

    void append(TrainingEvents.StepLogged line) {
        if (line.step() <= lastTrainStep) {
            return; // already drawn from the log
        }
        lastTrainStep = line.step();
        loss.appendPoint(0, line.step(), line.loss());
        learningRate.appendPoint(0, line.step(), line.learningRate());
    }

    void append(TrainingEvents.Evaluated evaluation) {
        if (evaluation.step() <= lastEvalStep) {
            return;
        }
        lastEvalStep = evaluation.step();
        Map<String, Double> metrics = evaluation.metrics();
        appendIfPresent(loss, 1, evaluation.step(), metrics.get("loss"));
        appendIfPresent(quality, 0, evaluation.step(), metrics.get("accuracy"));
        appendIfPresent(quality, 1, evaluation.step(), metrics.get(f1Key));
    }

    /**
     * Marks the loss and quality charts at the steps where diagnoses were established: a dashed line labelled with
     * the problem, so the curve shows where it began.
     */
    void mark(List<Diagnosis> diagnoses) {
        for (EChart chart : List.of(loss, quality)) {
            ObjectNode option = chart.getOption();
            JsonNode series = option.path("series");
            if (!series.isArray() || series.isEmpty()) {
                continue;
            }
            ObjectNode markLine = ((ObjectNode) series.get(0)).putObject("markLine");
            markLine.put("silent", false).putArray("symbol").add("none").add("none");
            markLine.putObject("lineStyle").put("color", "#c0392b").put("type", "dashed");
            markLine.putObject("label").put("formatter", "{b}").put("position", "insideEndTop").put("color", "#c0392b");
            ArrayNode data = markLine.putArray("data");
            diagnoses.stream().filter(d -> d.step() != null).forEach(d -> data.addObject()
                    .put("name", d.kind().label()).put("xAxis", d.step()));
            chart.setOption(option);
        }
    }

    private static void appendIfPresent(EChart chart, int series, int step, Double value) {
        if (value != null && Double.isFinite(value)) {
            chart.appendPoint(series, step, value);
        }
    }

    private static int lastStep(List<Map<String, Double>> lines) {
        return lines.stream().map(line -> line.get("step")).filter(java.util.Objects::nonNull)
                .mapToInt(Double::intValue).max().orElse(0);
    }

    private static EChart chart(String id) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setWidthFull();
        chart.setHeight("280px");
        return chart;
    }
}
