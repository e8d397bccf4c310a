package dev.bertlab.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;

/** Picks the device a run computes on and sizes PyTorch's thread pool. */
public final class ComputeDevice {

    private ComputeDevice() {
    }

    /**
     * @param spec "auto" (the first GPU if there is one, else the CPU), "cpu", "cuda" or "cuda:N"
     */
    public static Device select(String spec) {
        String value = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        if (value.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (value.equals("cpu")) {
            return Device.cpu();
        }
        if (value.equals("cuda") || value.equals("gpu") || value.startsWith("cuda:") || value.startsWith("gpu:")) {
            int index = value.contains(":") ? parseIndex(value) : 0;
            if (index >= gpus) {
                throw new IllegalArgumentException("device " + spec + " asked for, but this machine has " + gpus
                        + " CUDA device(s)" + (gpus == 0 ? " (or the CPU build of PyTorch is on the classpath: "
                        + "build with -Pcuda)" : ""));
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException("device must be auto, cpu, cuda or cuda:N, got '" + spec + "'");
    }

    /** Sets PyTorch's intra-op threads for this process; 0 keeps the current setting. */
    public static void useThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, got " + threads);
        }
        Engine.getInstance();
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
    }

    public static int threads() {
        Engine.getInstance();
        return JniUtils.getNumThreads();
    }

    private static int parseIndex(String value) {
        try {
            return Integer.parseInt(value.substring(value.indexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("device index must be a number, got '" + value + "'");
        }
    }
}
