package dev.bertlab.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bertlab.engine.tokenize.EncodedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    /** Each text's output is its first token id; a text starting with -1 breaks the whole batch it is in. */
    private final AtomicInteger forwardCalls = new AtomicInteger();
    private final BatchForward echo = batch -> {
        forwardCalls.incrementAndGet();
        sleep(30);
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).ids()[0] < 0) {
                throw new IllegalStateException("bad input in this batch");
            }
            out[i] = new float[] {batch.get(i).ids()[0], batch.get(i).length()};
        }
        return out;
    };

    @Test
    void concurrentRequestsShareBatchesAndEachGetsItsOwnOutputs() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (DynamicBatcher batcher = new DynamicBatcher(new BatchPredictor(echo, 16), Duration.ofMillis(20), 64,
                "test")) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<float[][]>> answers = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                int id = client;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return batcher.outputs(List.of(text(100 + id, 3 + id % 5), text(200 + id, 2)));
                }, clients));
            }
            start.countDown();
            for (int client = 0; client < 16; client++) {
                float[][] mine = answers.get(client).join();
                assertThat(mine).hasNumberOfRows(2);
                assertThat(mine[0]).containsExactly(100 + client, 3 + client % 5);
                assertThat(mine[1]).containsExactly(200 + client, 2);
            }
            assertThat(batcher.requests()).isEqualTo(16);
            assertThat(batcher.batches()).as("16 requests ran in fewer batches").isLessThan(16);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aLoneRequestOnAnIdleClassifierDoesNotWaitForTheWindow() {
        try (DynamicBatcher batcher = new DynamicBatcher(new BatchPredictor(echo, 16), Duration.ofSeconds(5), 64,
                "test")) {
            long start = System.nanoTime();
            assertThat(batcher.outputs(List.of(text(7, 4)))[0]).containsExactly(7, 4);
            assertThat((System.nanoTime() - start) / 1e9).as("seconds, against a 5 s window").isLessThan(2.5);
        }
    }

    @Test
    void aSingleClientCallingBackToBackNeverWaitsForTheWindow() {
        try (DynamicBatcher batcher = new DynamicBatcher(new BatchPredictor(echo, 16), Duration.ofSeconds(2), 64,
                "test")) {
            long start = System.nanoTime();
            for (int call = 0; call < 5; call++) {
                assertThat(batcher.outputs(List.of(text(call, 3)))[0]).containsExactly(call, 3);
            }
            assertThat((System.nanoTime() - start) / 1e9).as("seconds for 5 calls, against a 2 s window")
                    .isLessThan(1.5);
        }
    }

    @Test
    void aBadRequestFailsAloneAndTheOthersInItsBatchAreAnswered() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (DynamicBatcher batcher = new DynamicBatcher(new BatchPredictor(echo, 16), Duration.ofMillis(50), 64,
                "test")) {
            // keep the worker busy so that the next three gather into one group
            CompletableFuture<float[][]> first = CompletableFuture.supplyAsync(
                    () -> batcher.outputs(List.of(text(1, 2))), clients);
            sleep(5);
            CompletableFuture<float[][]> good = CompletableFuture.supplyAsync(
                    () -> batcher.outputs(List.of(text(2, 2))), clients);
            CompletableFuture<float[][]> bad = CompletableFuture.supplyAsync(
                    () -> batcher.outputs(List.of(text(-1, 2))), clients);
            CompletableFuture<float[][]> alsoGood = CompletableFuture.supplyAsync(
                    () -> batcher.outputs(List.of(text(3, 2))), clients);
            assertThat(first.join()[0][0]).isEqualTo(1);
            assertThat(good.join()[0][0]).isEqualTo(2);
            assertThat(alsoGood.join()[0][0]).isEqualTo(3);
            assertThatThrownBy(bad::join).hasRootCauseMessage("bad input in this batch");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aClosedBatcherRefusesWork() {
        DynamicBatcher batcher = new DynamicBatcher(new BatchPredictor(echo, 16), Duration.ZERO, 64, "test");
        batcher.close();
        assertThatThrownBy(() -> batcher.outputs(List.of(text(1, 2)))).hasMessageContaining("closed");
    }

    private static EncodedText text(int firstId, int length) {
        int[] ids = new int[length];
        ids[0] = firstId;
        return new EncodedText(ids, new int[length], length, 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
