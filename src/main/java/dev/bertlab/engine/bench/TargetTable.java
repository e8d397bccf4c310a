package dev.bertlab.engine.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 10's targets in one table: each of BertLab's figures beside its reference (the Python peer, measured in the
 * same run right after; ONNX Runtime on the reference graph; the float graph; one client), the ratio, the target and
 * whether it was met. Figures the bench does not take (REST latency, resident memory) are named with where they are
 * measured.
 */
final class TargetTable {

    /** What BertLab measured in this run; NaN where a part was left out. */
    static final class Measured {
        double miniLmTrain = Double.NaN;
        double bertBaseTrain = Double.NaN;
        double miniLmForwardEngine = Double.NaN;
        double bertBaseForwardEngine = Double.NaN;
        double miniLmServing = Double.NaN;
        double miniLmReferenceGraph = Double.NaN;
        double int8Serving = Double.NaN;
        double int8Fp32Serving = Double.NaN;
        double oneCaller = Double.NaN;
        double sixteenCallers = Double.NaN;
        /** What bounds the int8 speed-up, measured (printed when the target is missed). */
        String int8Reason = "";
        /** What bounds the throughput of 16 callers, measured (printed when the target is missed). */
        String scalingReason = "";
    }

    private TargetTable() {
    }

    static void print(PrintStream out, Measured m, Optional<PeerBench.Figures> peer) {
        out.println();
        out.println("| measure | BertLab | reference | BertLab / reference | target | |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        PeerBench.Figures p = peer.orElse(new PeerBench.Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN));
        higher(out, "BERT-base training 8 x 128, samples/s", m.bertBaseTrain, p.bertBaseTrain(), "the peer", 1.2);
        higher(out, "MiniLM training 32 x 128, samples/s", m.miniLmTrain, p.miniLmTrain(), "the peer", 1.0);
        info(out, "MiniLM forward 1 x 128, DJL engine, ms", m.miniLmForwardEngine, p.miniLmForwardMillis(),
                "the peer");
        info(out, "BERT-base forward 1 x 128, DJL engine, ms", m.bertBaseForwardEngine, p.bertBaseForwardMillis(),
                "the peer");
        double servingRatio = m.miniLmServing / m.miniLmReferenceGraph;
        row(out, "MiniLM forward 1 x 128, serving path (ONNX Runtime), ms", fmt(m.miniLmServing),
                fmt(m.miniLmReferenceGraph) + " (ONNX Runtime, reference graph)", ratio(servingRatio),
                "<= 1.1x and < 15 ms", verdict(servingRatio <= 1.1 && m.miniLmServing < 15, servingRatio));
        double int8Speedup = m.int8Fp32Serving / m.int8Serving;
        row(out, "int8 MiniLM forward 1 x 128, ms", fmt(m.int8Serving), fmt(m.int8Fp32Serving) + " (float graph)",
                String.format(Locale.ROOT, "%.2fx faster", int8Speedup), ">= 1.5x faster, accuracy within 0.5 points "
                        + "(bertlab int8 --run DIR)", verdict(int8Speedup >= 1.5, int8Speedup, m.int8Reason));
        double scaling = m.sixteenCallers / m.oneCaller;
        row(out, "16 concurrent callers, calls/s (in process)", fmt(m.sixteenCallers), fmt(m.oneCaller) + " (one)",
                ratio(scaling), ">= 3x one", verdict(scaling >= 3, scaling, m.scalingReason));
        row(out, "REST classify, one 73-token review, p50", "-", "-", "-", "<= 15 ms",
                "measured by tools/ClassifyLoad.java against a running dashboard");
        row(out, "dashboard resident memory, idle, demo model loaded", "-", "-", "-", "<= 1 GB",
                "measured on a running dashboard (tools/memory/dashboard-rss.sh)");
        if (peer.isEmpty()) {
            out.println("(the peer did not run: its ratios are missing; bench --peer FILE runs it)");
        }
    }

    private static void higher(PrintStream out, String measure, double ours, double reference, String name,
            double target) {
        double r = ours / reference;
        row(out, measure, fmt(ours), fmt(reference) + " (" + name + ")", ratio(r),
                String.format(Locale.ROOT, ">= %.1fx %s", target, name), verdict(r >= target, r));
    }

    private static void info(PrintStream out, String measure, double ours, double reference, String name) {
        row(out, measure, fmt(ours), fmt(reference) + " (" + name + ")", ratio(ours / reference), "-", "");
    }

    private static void row(PrintStream out, String measure, String ours, String reference, String ratio,
            String target, String verdict) {
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", measure, ours, reference, ratio, target, verdict);
    }

    private static String verdict(boolean met, double value) {
        return Double.isNaN(value) ? "not measured" : met ? "met" : "MISSED";
    }

    private static String verdict(boolean met, double value, String reason) {
        String verdict = verdict(met, value);
        return "MISSED".equals(verdict) && !reason.isBlank() ? verdict + ": " + reason : verdict;
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
