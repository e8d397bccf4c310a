package dev.bertlab.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Chrome trace libtorch's profiler wrote for some training steps and sums, per operator, its calls and its
 * self time (its own time, without the operators it called): where a step's time goes inside libtorch, and how many
 * native operator calls a step makes.
 */
final class StepProfile {

    /** One operator's share. */
    record Operator(String name, long calls, double selfMillis) {
    }

    private StepProfile() {
    }

    static List<Operator> read(Path trace) throws IOException {
        JsonNode root = Json.mapper().readTree(trace.toFile());
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        Map<String, List<long[]>> byThread = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode event : events) {
            if (!"X".equals(event.path("ph").asText())) {
                continue;
            }
            names.add(event.path("name").asText());
            // ts, dur (microseconds, possibly fractional: kept in nanoseconds), name index
            byThread.computeIfAbsent(event.path("tid").asText(), t -> new ArrayList<>()).add(new long[] {
                    Math.round(event.path("ts").asDouble() * 1000), Math.round(event.path("dur").asDouble() * 1000),
                    names.size() - 1});
        }
        Map<String, double[]> totals = new HashMap<>();
        for (List<long[]> thread : byThread.values()) {
            thread.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparing(e -> -e[1]));
            Deque<long[]> open = new ArrayDeque<>();
            Map<long[], Long> childTime = new HashMap<>();
            for (long[] event : thread) {
                while (!open.isEmpty() && open.peek()[0] + open.peek()[1] <= event[0]) {
                    close(open.pop(), childTime, names, totals);
                }
                if (!open.isEmpty()) {
                    childTime.merge(open.peek(), event[1], Long::sum);
                }
                open.push(event);
            }
            while (!open.isEmpty()) {
                close(open.pop(), childTime, names, totals);
            }
        }
        List<Operator> operators = new ArrayList<>();
        totals.forEach((name, t) -> operators.add(new Operator(name, (long) t[0], t[1] / 1e6)));
        operators.sort(Comparator.comparingDouble(Operator::selfMillis).reversed());
        return operators;
    }

    private static void close(long[] event, Map<long[], Long> childTime, List<String> names,
            Map<String, double[]> totals) {
        double[] total = totals.computeIfAbsent(names.get((int) event[2]), n -> new double[2]);
        total[0]++;
        total[1] += event[1] - childTime.getOrDefault(event, 0L);
    }

    static void print(List<Operator> operators, int steps, int top, PrintStream out) {
        double all = operators.stream().mapToDouble(Operator::selfMillis).sum();
        long calls = operators.stream().mapToLong(Operator::calls).sum();
        out.printf(Locale.ROOT, "libtorch profile of %d MiniLM training steps (32 x 128): %,d operator calls per step, "
                + "%.0f ms of operator self time per step%n", steps, calls / steps, all / steps);
        out.println("| operator | calls per step | self ms per step | share |");
        out.println("| --- | --- | --- | --- |");
        for (Operator operator : operators.subList(0, Math.min(top, operators.size()))) {
            out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f%% |%n", operator.name(), operator.calls() / steps,
                    operator.selfMillis() / steps, 100 * operator.selfMillis() / all);
        }
    }
}
