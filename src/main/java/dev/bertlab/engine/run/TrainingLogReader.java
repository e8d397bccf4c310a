package dev.bertlab.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.train.TrainingEvents;
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

    private static final ObjectMapper JSON = Json.mapper();
    private static final String EVAL_PREFIX = "eval_";

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

    /** What was appended to a log since an offset, and the offset to read from next time. */
    public record Tail(Log log, long nextOffset) {
    }

    public static Log read(Path file) throws IOException {
        List<Map<String, Double>> train = new ArrayList<>();
        List<Map<String, Double>> eval = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Log(train, eval, notices);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parse(reader.lines().toList(), train, eval, notices);
        }
        return new Log(train, eval, notices);
    }

    /**
     * The complete lines appended since {@code offset} (a line still being written waits for the next call): how a
     * node follows a run that another node trains, through the log on their shared storage.
     */
    public static Tail readFrom(Path file, long offset) throws IOException {
        List<Map<String, Double>> train = new ArrayList<>();
        List<Map<String, Double>> eval = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        if (!Files.exists(file) || Files.size(file) <= offset) {
            return new Tail(new Log(train, eval, notices), Math.min(offset, Files.exists(file) ? Files.size(file) : 0));
        }
        byte[] appended;
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(offset);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) > 0) {
                bytes.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            appended = bytes.toByteArray();
        }
        int complete = appended.length;
        while (complete > 0 && appended[complete - 1] != '\n') {
            complete--;
        }
        String text = new String(appended, 0, complete, StandardCharsets.UTF_8);
        parse(text.isEmpty() ? List.of() : List.of(text.split("\n")), train, eval, notices);
        return new Tail(new Log(train, eval, notices), offset + complete);
    }

    /** A training line as the engine reported it; a missing figure (a NaN loss is written as a string) is NaN. */
    public static TrainingEvents.StepLogged step(Map<String, Double> line) {
        return new TrainingEvents.StepLogged(line.getOrDefault("step", 0.0).intValue(),
                line.getOrDefault("epoch", 0.0), line.getOrDefault("loss", Double.NaN),
                line.getOrDefault("learning_rate", 0.0), line.getOrDefault("grad_norm", Double.NaN),
                line.getOrDefault("samples_per_second", 0.0), line.getOrDefault("tokens_per_second", 0.0),
                line.getOrDefault("padding_share", 0.0), line.getOrDefault("elapsed_seconds", 0.0));
    }

    /** An evaluation line as the engine reported it: its metrics without the {@code eval_} prefix. */
    public static TrainingEvents.Evaluated evaluation(Map<String, Double> line) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        line.forEach((key, value) -> {
            if (key.startsWith(EVAL_PREFIX)) {
                metrics.put(key.substring(EVAL_PREFIX.length()), value);
            }
        });
        return new TrainingEvents.Evaluated(line.getOrDefault("step", 0.0).intValue(),
                line.getOrDefault("epoch", 0.0), metrics, line.getOrDefault("best", 0.0) > 0);
    }

    private static void parse(List<String> lines, List<Map<String, Double>> train, List<Map<String, Double>> eval,
            List<Notice> notices) {
        for (String line : lines) {
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
