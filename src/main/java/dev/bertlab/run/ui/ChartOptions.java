package dev.bertlab.run.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bertlab.engine.json.Json;
import java.util.List;
import java.util.SortedMap;

/** ECharts options for the run page, built as JSON trees (no string pasting, so any label is escaped). */
final class ChartOptions {

    private static final ObjectMapper JSON = Json.mapper();

    /** One line of a line chart: its name and its points by step. */
    record Line(String name, SortedMap<Integer, Double> points, boolean symbols) {
    }

    private ChartOptions() {
    }

    /** A line chart over optimizer steps; {@code yName} labels the value axis. */
    static String lines(String title, String yName, List<Line> lines) {
        ObjectNode option = base(title);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0).put("right", 0);
        option.putObject("grid").put("left", 56).put("right", 16).put("top", 40).put("bottom", 32);
        option.putObject("xAxis").put("type", "value").put("name", "step").put("minInterval", 1);
        option.putObject("yAxis").put("type", "value").put("name", yName).put("scale", true);
        ArrayNode series = option.putArray("series");
        for (Line line : lines) {
            ObjectNode s = series.addObject();
            s.put("name", line.name()).put("type", "line").put("showSymbol", line.symbols());
            ArrayNode data = s.putArray("data");
            line.points().forEach((step, value) -> data.addArray().add(step).add(value));
        }
        return option.toString();
    }

    /** A heat map of a confusion matrix: gold labels down, predicted labels across, counts in the cells. */
    static String confusionMatrix(List<String> labels, int[][] counts) {
        ObjectNode option = base("Confusion matrix (test)");
        option.putObject("tooltip").put("position", "top");
        option.putObject("grid").put("left", 90).put("right", 16).put("top", 48).put("bottom", 56);
        ObjectNode x = option.putObject("xAxis").put("type", "category").put("name", "predicted")
                .put("nameLocation", "middle").put("nameGap", 30);
        ObjectNode y = option.putObject("yAxis").put("type", "category").put("name", "gold").put("inverse", true)
                .put("nameLocation", "middle").put("nameGap", 70);
        labels.forEach(label -> {
            x.withArray("data").add(label);
            y.withArray("data").add(label);
        });
        int max = 1;
        ArrayNode data = JSON.createArrayNode();
        for (int gold = 0; gold < counts.length; gold++) {
            for (int predicted = 0; predicted < counts[gold].length; predicted++) {
                data.addArray().add(predicted).add(gold).add(counts[gold][predicted]);
                max = Math.max(max, counts[gold][predicted]);
            }
        }
        option.putObject("visualMap").put("min", 0).put("max", max).put("show", false)
                .putObject("inRange").putArray("color").add("#f3f6fb").add("#1676f3");
        ObjectNode series = option.putArray("series").addObject().put("type", "heatmap");
        series.set("data", data);
        series.putObject("label").put("show", true).put("fontSize", 14);
        return option.toString();
    }

    private static ObjectNode base(String title) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", title).putObject("textStyle").put("fontSize", 14);
        return option;
    }

    static SortedMap<Integer, Double> byStep(List<double[]> points) {
        SortedMap<Integer, Double> byStep = new java.util.TreeMap<>();
        // a step logged twice (trained again after a crash) keeps its last value
        points.forEach(point -> byStep.put((int) point[0], point[1]));
        return byStep;
    }
}
