package dev.bertlab.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's {@code training_log.jsonl} back into curves: what the run page, the comparison and a report draw.
 * A half-written last line (the run is still writing) is skipped, not an error.
 */
public final class TrainingLogReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingLogReader() {
    }

    /**
     * A run's log.
     *
     * @param train one entry per training log line: step, epoch, loss, learning_rate, grad_norm, samples/s...
     * @param eval one entry per evaluation: step, epoch and eval_* metrics
     * @param notices kind and message of each notice, with its step
     */
    public record Log(List<Map<String, Double>> train, List<Map<String, Double>> eval, List<Notice> notices) {

        /** The values of one key over the training lines, as (step, value) pairs. */
        public List<double[]> trainCurve(String key) {
            return curve(train, key);
        }

        /** The values of one metric over the evaluations ("loss", "accuracy", ...), as (step, value) pairs. */
        public List<double[]> evalCurve(String metric) {
            return curve(eval, "eval_" + metric);
        }

        private static List<double[]> curve(List<Map<String, Double>> lines, String key) {
            List<double[]> points = new ArrayList<>();
            for (Map<String, Double> line : lines) {
                Double value = line.get(key);
                if (value != null && line.get("step") != null) {
                    points.add(new double[] {line.get("step"), value});
                }
            }
            return points;
        }
    }

    /** A notice line. */
    public record Notice(int step, String kind, String message, String time) {
    }

    public static Log read(Path file) throws IOException {
        List<Map<String, Double>> train = new ArrayList<>();
        List<Map<String, Double>> eval = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Log(train, eval, notices);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException partial) {
                    continue;
                }
                if (node == null) {
                    continue;
                }
                switch (node.path("type").asText()) {
                    case "train" -> train.add(numbers(node));
                    case "eval" -> eval.add(numbers(node));
                    case "notice" -> notices.add(new Notice(node.path("step").asInt(), node.path("kind").asText(),
                            node.path("message").asText(), node.path("time").asText()));
                    default -> { }
                }
            }
        }
        return new Log(train, eval, notices);
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber()) {
                values.put(field.getKey(), field.getValue().asDouble());
            } else if (field.getValue().isBoolean()) {
                values.put(field.getKey(), field.getValue().asBoolean() ? 1.0 : 0.0);
            }
        }
        return values;
    }
}
