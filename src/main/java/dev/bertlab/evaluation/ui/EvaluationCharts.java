package dev.bertlab.evaluation.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bertlab.engine.calibration.ReliabilityBin;
import dev.bertlab.engine.calibration.ReliabilityDiagram;
import dev.bertlab.engine.eval.LengthBucket;
import dev.bertlab.engine.eval.LengthBucketAccuracy;
import dev.bertlab.engine.eval.PrecisionRecallCurve;
import dev.bertlab.engine.eval.RocCurve;
import dev.bertlab.engine.json.Json;
import java.util.Locale;

/** ECharts options for the evaluation page: ranking curves, reliability diagrams and accuracy by length. */
final class EvaluationCharts {

    private static final ObjectMapper JSON = Json.mapper();

    private EvaluationCharts() {
    }

    static String roc(RocCurve roc) {
        ObjectNode option = xy(String.format(Locale.ROOT, "ROC (AUC %.3f)", roc.area()), "false positive rate",
                "true positive rate");
        ArrayNode series = option.putArray("series");
        line(series, "ROC", roc.falsePositiveRates(), roc.truePositiveRates());
        diagonal(series, "chance");
        return option.toString();
    }

    static String precisionRecall(PrecisionRecallCurve curve) {
        ObjectNode option = xy(String.format(Locale.ROOT, "Precision-recall (average precision %.3f)",
                curve.averagePrecision()), "recall", "precision");
        line(option.putArray("series"), "precision-recall", curve.recalls(), curve.precisions());
        return option.toString();
    }

    /** Accuracy per confidence bin against the diagonal of perfect calibration, before and after scaling. */
    static String reliability(ReliabilityDiagram before, ReliabilityDiagram after, double temperature) {
        ObjectNode option = xy(String.format(Locale.ROOT, "Reliability (ECE %.3f -> %.3f at T = %.2f)",
                before.expectedCalibrationError(), after.expectedCalibrationError(), temperature), "confidence",
                "accuracy");
        ArrayNode series = option.putArray("series");
        points(series, "as trained", before);
        points(series, "temperature-scaled", after);
        diagonal(series, "perfectly calibrated");
        return option.toString();
    }

    static String lengthBuckets(LengthBucketAccuracy buckets) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", "Test accuracy by length (word pieces)").putObject("textStyle")
                .put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 56).put("right", 16).put("top", 40).put("bottom", 40);
        ArrayNode categories = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("min", 0).put("max", 1).put("name", "accuracy");
        ArrayNode data = option.putArray("series").addObject().put("type", "bar").put("name", "accuracy")
                .putArray("data");
        for (LengthBucket bucket : buckets.buckets()) {
            categories.add(bucket.label() + " (" + bucket.examples() + ")");
            if (bucket.accuracy() == null) {
                data.add("-");
            } else {
                data.add(bucket.accuracy());
            }
        }
        return option.toString();
    }

    private static ObjectNode xy(String title, String x, String y) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", title).putObject("textStyle").put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "item");
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("left", 56).put("right", 24).put("top", 40).put("bottom", 56);
        option.putObject("xAxis").put("type", "value").put("min", 0).put("max", 1).put("name", x)
                .put("nameLocation", "middle").put("nameGap", 24);
        option.putObject("yAxis").put("type", "value").put("min", 0).put("max", 1).put("name", y);
        return option;
    }

    private static void line(ArrayNode series, String name, double[] xs, double[] ys) {
        ArrayNode data = series.addObject().put("type", "line").put("name", name).put("showSymbol", false)
                .putArray("data");
        for (int i = 0; i < xs.length; i++) {
            data.addArray().add(xs[i]).add(ys[i]);
        }
    }

    private static void points(ArrayNode series, String name, ReliabilityDiagram diagram) {
        ArrayNode data = series.addObject().put("type", "line").put("name", name).put("symbolSize", 8)
                .putArray("data");
        for (ReliabilityBin bin : diagram.bins()) {
            if (bin.count() > 0 && bin.meanConfidence() != null && bin.accuracy() != null) {
                data.addArray().add(bin.meanConfidence()).add(bin.accuracy());
            }
        }
    }

    private static void diagonal(ArrayNode series, String name) {
        ObjectNode line = series.addObject().put("type", "line").put("name", name).put("showSymbol", false);
        line.putObject("lineStyle").put("type", "dashed").put("color", "#999");
        line.putArray("data").add(JSON.createArrayNode().add(0).add(0)).add(JSON.createArrayNode().add(1).add(1));
    }
}
