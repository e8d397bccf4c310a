package dev.bertlab.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where a graph's time goes in ONNX Runtime, per operator type, read from ONNX Runtime's own profile. The bench uses
 * it to say why the int8 graph is not faster than it is: the operators that stay in float bound its speed-up.
 */
final class OnnxOperatorProfile {

    /** The operator types of the int8 graph that compute in int8 (the rest stay in float). */
    static final Predicate<String> QUANTIZED = type -> type.contains("Quant") || type.contains("Integer")
            || type.matches("Q[A-Z].*");

    /** One operator type: its nodes' kernel time per forward pass. */
    record Operator(String type, int nodesPerRun, double millisPerRun) {
    }

    /** The measured forward passes' operators, slowest first. */
    record Profile(List<Operator> operators, int runs) {

        double totalMillis() {
            return millisOf(type -> true);
        }

        double millisOf(Predicate<String> types) {
            return operators.stream().filter(o -> types.test(o.type())).mapToDouble(Operator::millisPerRun).sum();
        }
    }

    private OnnxOperatorProfile() {
    }

    /**
     * Reads ONNX Runtime's profile (a Chrome trace: a "model_run" event per forward pass, a "..._kernel_time" event
     * per node with its operator type).
     *
     * @param skipRuns the first forward passes, left out (warm-up)
     */
    static Profile read(Path profileJson, int skipRuns) throws IOException {
        JsonNode events = Json.mapper().readTree(profileJson.toFile());
        List<Double> runStarts = new ArrayList<>();
        for (JsonNode event : events) {
            if ("Session".equals(event.path("cat").asText()) && "model_run".equals(event.path("name").asText())) {
                runStarts.add(event.path("ts").asDouble());
            }
        }
        runStarts.sort(Comparator.naturalOrder());
        if (runStarts.size() <= skipRuns) {
            throw new IllegalArgumentException(profileJson + " has " + runStarts.size() + " forward passes, "
                    + "fewer than the " + (skipRuns + 1) + " needed");
        }
        double from = runStarts.get(skipRuns);
        int runs = runStarts.size() - skipRuns;
        Map<String, double[]> byType = new TreeMap<>();
        for (JsonNode event : events) {
            if ("Node".equals(event.path("cat").asText()) && event.path("name").asText().endsWith("_kernel_time")
                    && event.path("ts").asDouble() >= from) {
                double[] sums = byType.computeIfAbsent(event.path("args").path("op_name").asText("?"),
                        type -> new double[2]);
                sums[0]++;
                sums[1] += event.path("dur").asDouble();
            }
        }
        List<Operator> operators = new ArrayList<>();
        byType.forEach((type, sums) -> operators.add(new Operator(type, (int) Math.round(sums[0] / runs),
                sums[1] / 1000.0 / runs)));
        operators.sort(Comparator.comparingDouble(Operator::millisPerRun).reversed());
        return new Profile(List.copyOf(operators), runs);
    }
}
