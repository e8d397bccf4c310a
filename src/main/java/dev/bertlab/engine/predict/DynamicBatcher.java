package dev.bertlab.engine.predict;

import dev.bertlab.engine.tokenize.EncodedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the texts of concurrent requests as shared batches: one worker thread takes the first waiting request, adds
 * every request that arrives within the window (up to a number of texts), and runs them together through a
 * {@link BatchPredictor}, which orders them by length so that each batch pads little. On 2 cores one batch of 16
 * costs far less than 16 batches of one, because the per-call overhead and the weights' trip through the cache are
 * paid once.
 *
 * <p>The window is only waited when requests are arriving faster than they are served: the previous batch ended
 * less than a window ago and either served several requests or other callers are on their way. A lone request, and
 * a single client calling back to back, run at once; no request waits longer than the window.
 */
public final class DynamicBatcher implements AutoCloseable {

    private final BatchPredictor predictor;
    private final long windowNanos;
    private final int maxTexts;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;
    private volatile long lastBatchEnded = Long.MIN_VALUE / 2;
    private volatile int lastGroupSize;
    private final java.util.concurrent.atomic.AtomicInteger callers = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long batches;
    private volatile long requests;

    /**
     * @param window how long to gather requests while busy
     * @param maxTexts texts gathered into one group at most (the predictor splits it into its batch size)
     */
    public DynamicBatcher(BatchPredictor predictor, Duration window, int maxTexts, String name) {
        if (window.isNegative() || maxTexts < 1) {
            throw new IllegalArgumentException("the batching window must not be negative and max texts positive");
        }
        this.predictor = predictor;
        this.windowNanos = window.toNanos();
        this.maxTexts = maxTexts;
        this.worker = new Thread(this::serve, "batcher-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /** The model's output for each text, computed together with whatever other requests arrive meanwhile. */
    public float[][] outputs(List<EncodedText> texts) {
        if (closed) {
            throw new IllegalStateException("the classifier was closed");
        }
        Pending pending = new Pending(texts, new CompletableFuture<>());
        callers.incrementAndGet();
        queue.add(pending);
        try {
            return pending.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        } finally {
            callers.decrementAndGet();
        }
    }

    /** Forward batches run so far and requests served: their ratio is the batching achieved. */
    public long batches() {
        return batches;
    }

    public long requests() {
        return requests;
    }

    private void serve() {
        while (!closed) {
            Pending first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            List<Pending> group = new ArrayList<>();
            group.add(first);
            int texts = first.texts().size();
            boolean busy = System.nanoTime() - lastBatchEnded < windowNanos
                    && (lastGroupSize > 1 || callers.get() > 1);
            long deadline = System.nanoTime() + (busy ? windowNanos : 0);
            while (texts < maxTexts) {
                Pending next;
                try {
                    long left = deadline - System.nanoTime();
                    next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                } catch (InterruptedException e) {
                    closed = true;
                    break;
                }
                if (next == null) {
                    break;
                }
                group.add(next);
                texts += next.texts().size();
            }
            run(group, texts);
            lastGroupSize = group.size();
            lastBatchEnded = System.nanoTime();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the classifier was closed"));
        }
    }

    private void run(List<Pending> group, int count) {
        List<EncodedText> all = new ArrayList<>(count);
        group.forEach(pending -> all.addAll(pending.texts()));
        float[][] outputs;
        try {
            outputs = predictor.outputs(all, done -> { });
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(e);
                return;
            }
            // one request's texts must not fail the others': run each alone
            group.forEach(pending -> run(List.of(pending), pending.texts().size()));
            return;
        }
        batches++;
        requests += group.size();
        int offset = 0;
        for (Pending pending : group) {
            float[][] mine = new float[pending.texts().size()][];
            System.arraycopy(outputs, offset, mine, 0, mine.length);
            offset += mine.length;
            pending.result().complete(mine);
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(List<EncodedText> texts, CompletableFuture<float[][]> result) {
    }
}
