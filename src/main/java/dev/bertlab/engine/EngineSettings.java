package dev.bertlab.engine;

/**
 * Process-wide settings that must be in place before DJL loads its native engine.
 */
public final class EngineSettings {

    private EngineSettings() {
    }

    /**
     * DJL must never try to download a native library (there is no internet), and on a small shared machine one
     * intra-op thread degrades gracefully where two collapse under contention; both can be overridden with -D.
     */
    public static void applyProcessDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        String threads = System.getenv("BERTLAB_THREADS");
        if (threads != null && !threads.isBlank()) {
            setIfAbsent("ai.djl.pytorch.num_threads", threads.trim());
        }
        // the HuggingFace tokenizers' own thread pool would fight PyTorch's for the same cores
        setIfAbsent("TOKENIZERS_PARALLELISM", "false");
    }

    /** Sets the PyTorch intra-op thread count; effective only before the engine is first used. */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
