package dev.bertlab.classify;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for classifications: a few compute at once, a few more wait briefly for their turn, and
 * the rest are refused at once. A burst of requests thus costs a bounded amount of memory and threads instead
 * of piling up tensors until the process runs out of memory.
 */
public final class ClassificationGate {

    private final int concurrent;
    private final Semaphore computing;
    private final int maxWaiting;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    public ClassificationGate(int concurrent, int maxWaiting, Duration maxWait) {
        this.concurrent = concurrent;
        this.computing = new Semaphore(concurrent, true);
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /**
     * A place to compute in; close it when done.
     *
     * @throws ClassifierBusyException when all places are taken and the queue is full, or the wait ran out
     */
    public Permit enter() {
        if (computing.tryAcquire()) {
            return new Permit(computing);
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!computing.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
            return new Permit(computing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Classifications computing now. */
    public int active() {
        return concurrent - computing.availablePermits();
    }

    public int concurrent() {
        return concurrent;
    }

    public int maxWaiting() {
        return maxWaiting;
    }

    private ClassifierBusyException busy() {
        return new ClassifierBusyException(Math.max(1, (int) Math.ceil(maxWait.toMillis() / 2000.0)));
    }

    /** An occupied place; closing it twice is harmless. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore semaphore;
        private boolean released;

        private Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                semaphore.release();
            }
        }
    }
}
