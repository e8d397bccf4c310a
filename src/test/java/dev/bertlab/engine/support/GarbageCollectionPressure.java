package dev.bertlab.engine.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects garbage and then fills freshly freed native memory with NaN: what a busy JVM does by chance between a
 * forward pass and its backward pass, made certain. A tensor that wraps memory PyTorch does not own (a Java direct
 * buffer, as DJL makes for a scalar operand) reads NaN afterwards once its buffer was collected.
 *
 * <p>The filled buffers stay reachable until the next {@link #apply()} or {@link #release()}, so that the memory
 * they took over is not handed back before the backward pass reads it.
 */
public final class GarbageCollectionPressure {

    private static final int BUFFERS = 4000;

    private final List<ByteBuffer> held = new ArrayList<>();
    private int applied;

    public void apply() {
        held.clear();
        System.gc();
        System.gc();
        // the cleaner thread frees collected direct buffers shortly after the collection
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < BUFFERS; i++) {
            // DJL's scalar operands are 4- and 8-byte direct buffers: take over chunks of those sizes
            ByteBuffer buffer = ByteBuffer.allocateDirect(i % 2 == 0 ? 4 : 8).order(ByteOrder.nativeOrder());
            while (buffer.remaining() >= 4) {
                buffer.putFloat(Float.NaN);
            }
            held.add(buffer);
        }
        applied++;
    }

    public void release() {
        held.clear();
    }

    public int timesApplied() {
        return applied;
    }
}
