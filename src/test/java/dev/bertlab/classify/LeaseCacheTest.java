package dev.bertlab.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseCacheTest {

    /** Stands for a loaded model: remembers whether it was closed. */
    static final class FakeModel implements AutoCloseable {
        final String key;
        volatile boolean closed;

        FakeModel(String key) {
            this.key = key;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<FakeModel> loaded = new ArrayList<>();

    private LeaseCache<FakeModel> cache(int capacity) {
        return new LeaseCache<>(capacity, key -> {
            FakeModel model = new FakeModel(key);
            synchronized (loaded) {
                loaded.add(model);
            }
            return model;
        });
    }

    @Test
    void keepsAtMostItsCapacityAndClosesTheLeastRecentlyUsed() throws IOException {
        LeaseCache<FakeModel> cache = cache(2);
        use(cache, "a");
        use(cache, "b");
        use(cache, "a");
        use(cache, "c");

        assertThat(cache.keys()).containsExactly("a", "c");
        assertThat(cache.evictions()).isEqualTo(1);
        assertThat(loaded).extracting(m -> m.key + (m.closed ? " closed" : "")).containsExactly("a", "b closed", "c");
    }

    @Test
    void aModelInUseIsClosedOnlyWhenItsLastLeaseIsReturned() throws IOException {
        LeaseCache<FakeModel> cache = cache(1);
        LeaseCache.Lease<FakeModel> first = cache.acquire("a");
        LeaseCache.Lease<FakeModel> second = cache.acquire("a");
        use(cache, "b");

        assertThat(cache.keys()).containsExactly("b");
        FakeModel a = first.value();
        assertThat(a.closed).isFalse();
        first.close();
        first.close();
        assertThat(a.closed).isFalse();
        second.close();
        assertThat(a.closed).isTrue();
        assertThatThrownBy(first::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentRequestsForOneModelLoadItOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        LeaseCache<FakeModel> cache = new LeaseCache<>(2, key -> {
            loads.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FakeModel(key);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<FakeModel>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                try (LeaseCache.Lease<FakeModel> lease = cache.acquire("a")) {
                    return lease.value();
                }
            }));
        }
        Thread.sleep(200);
        release.countDown();
        FakeModel one = results.get(0).get(5, TimeUnit.SECONDS);
        for (Future<FakeModel> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).isSameAs(one);
        }
        pool.shutdown();
        assertThat(loads).hasValue(1);
        assertThat(one.closed).isFalse();
    }

    @Test
    void aFailedLoadIsReportedAndNotCached() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        LeaseCache<FakeModel> cache = new LeaseCache<>(2, key -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("disk on fire");
            }
            return new FakeModel(key);
        });
        assertThatThrownBy(() -> cache.acquire("a")).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(cache.keys()).isEmpty();
        use(cache, "a");
        assertThat(cache.keys()).containsExactly("a");
    }

    @Test
    void clearClosesIdleModelsAndLeasedOnesOnReturn() throws IOException {
        LeaseCache<FakeModel> cache = cache(3);
        use(cache, "a");
        LeaseCache.Lease<FakeModel> b = cache.acquire("b");
        cache.clear();
        assertThat(loaded.get(0).closed).isTrue();
        assertThat(b.value().closed).isFalse();
        b.close();
        assertThat(loaded.get(1).closed).isTrue();
    }

    private static void use(LeaseCache<FakeModel> cache, String key) throws IOException {
        try (LeaseCache.Lease<FakeModel> lease = cache.acquire(key)) {
            assertThat(lease.value().key).isEqualTo(key);
        }
    }
}
