package dev.bertlab.compare.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.eval.ConfusionMatrix;
import dev.bertlab.engine.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for the comparison: overlaid curves and a confusion matrix heat map. */
final class ComparisonCharts {

    private static final ObjectMapper JSON = Json.mapper();

    /**
     * One run's curve.
     *
     * @param name the run's label
     * @param points (step, value) pairs
     */
    record Curve(String name, List<double[]> points) {
    }

    private ComparisonCharts() {
    }

    /** Several runs' curves of one quantity over the optimizer step, overlaid. */
    static String curves(String title, String quantity, List<Curve> curves) {
        List<Object> series = new ArrayList<>();
        for (Curve curve : curves) {
            List<Object> data = new ArrayList<>();
            curve.points().forEach(point -> data.add(List.of(point[0], point[1])));
            series.add(Map.of("name", curve.name(), "type", "line", "showSymbol", curve.points().size() < 30,
                    "data", data));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        boolean empty = curves.stream().allMatch(c -> c.points().isEmpty());
        option.put("title", empty ? Map.of("text", title, "subtext", "not logged by these runs", "left", "center")
                : Map.of("text", title, "left", "center"));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 60, "right", 20, "top", 50, "bottom", 60));
        option.put("xAxis", Map.of("type", "value", "name", "step", "min", 0));
        option.put("yAxis", Map.of("type", "value", "name", quantity, "scale", true));
        option.put("series", series);
        return write(option);
    }

    /** A confusion matrix as a heat map: gold classes down, predicted across, counts in the cells. */
    static String confusion(String title, List<String> labels, ConfusionMatrix matrix) {
        List<Object> data = new ArrayList<>();
        int max = 1;
        for (int gold = 0; gold < matrix.classes(); gold++) {
            for (int predicted = 0; predicted < matrix.classes(); predicted++) {
                int count = matrix.count(gold, predicted);
                max = Math.max(max, count);
                data.add(List.of(predicted, gold, count));
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 13)));
        option.put("tooltip", Map.of("position", "top"));
        option.put("grid", Map.of("left", 90, "right", 20, "top", 40, "bottom", 70));
        option.put("xAxis", Map.of("type", "category", "data", labels, "name", "predicted", "nameLocation", "middle",
                "nameGap", 28, "splitArea", Map.of("show", true)));
        option.put("yAxis", Map.of("type", "category", "data", labels, "name", "gold", "inverse", true,
                "nameLocation", "middle", "nameGap", 70, "splitArea", Map.of("show", true)));
        option.put("visualMap", Map.of("min", 0, "max", max, "show", false, "inRange",
                Map.of("color", List.of("#f4f8fd", "#1f77b4"))));
        option.put("series", List.of(Map.of("type", "heatmap", "data", data, "label", Map.of("show", true))));
        return write(option);
    }

    private static String write(Object option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a chart option", e);
        }
    }
}
