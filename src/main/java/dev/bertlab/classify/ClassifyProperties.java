package dev.bertlab.classify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the live classifier ({@code bertlab.classify.*}): they keep a burst of requests from exhausting memory.
 *
 * @param cachedModels fine-tuned models kept loaded at once (least recently used ones are closed first)
 * @param concurrent classifications computing at the same time
 * @param waiting requests allowed to wait for a free place; beyond them a request is refused at once (HTTP 429)
 * @param maxWait how long a waiting request waits before it is refused
 * @param maxTexts texts in one request
 * @param device where the classifiers compute: auto (a GPU if there is one), cpu, cuda or cuda:N
 * @param runtime what runs them: auto (ONNX Runtime on a CPU, the DJL engine on a GPU), onnx or djl
 * @param batchWindow how long concurrent requests are gathered into one batch while a classifier is busy (a lone
 *     request on an idle one runs at once)
 */
@ConfigurationProperties("bertlab.classify")
public record ClassifyProperties(Integer cachedModels, Integer concurrent, Integer waiting, Duration maxWait,
        Integer maxTexts, String device, String runtime, Duration batchWindow) {

    public ClassifyProperties {
        cachedModels = cachedModels == null ? 3 : Math.max(1, cachedModels);
        // requests share batches (dynamic batching), so many may be in flight while one batch computes at a time
        concurrent = concurrent == null ? 16 : Math.max(1, concurrent);
        waiting = waiting == null ? 32 : Math.max(0, waiting);
        maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
        maxTexts = maxTexts == null ? 64 : Math.max(1, maxTexts);
        device = device == null || device.isBlank() ? "auto" : device;
        runtime = runtime == null || runtime.isBlank() ? "auto" : runtime;
        batchWindow = batchWindow == null ? Duration.ofMillis(5) : batchWindow;
        if (batchWindow.isNegative() || batchWindow.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("bertlab.classify.batch-window must be between 0 and 1s, got "
                    + batchWindow);
        }
        // a mistyped runtime stops the start with its message rather than the first request
        dev.bertlab.engine.predict.ServingRuntime.choose(runtime, ai.djl.Device.cpu());
    }
}
