package dev.bertlab.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, least-recently-used cache of expensive native resources handed out as leases. A value pushed out of
 * the cache is closed only when its last lease is returned, so a request never computes with a closed model;
 * a value requested by several threads at once is loaded once.
 *
 * @param <V> what is cached; closed when evicted and no longer leased
 */
public final class LeaseCache<V extends AutoCloseable> {

    /** Loads the value of a key (slow: reads a model from disk). */
    @FunctionalInterface
    public interface Loader<V> {
        V load(String key) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(LeaseCache.class);

    private final int capacity;
    private final Loader<V> loader;
    /** Access-ordered: the first entry is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Loads under way, so that concurrent requests for one key wait for the same load. Guarded by {@code this}. */
    private final Map<String, CompletableFuture<Void>> loading = new HashMap<>();
    private long evictions;

    public LeaseCache(int capacity, Loader<V> loader) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one value, got capacity " + capacity);
        }
        this.capacity = capacity;
        this.loader = loader;
    }

    /** The key's value, loaded if needed; close the lease when done with it. */
    public Lease<V> acquire(String key) throws IOException {
        while (true) {
            CompletableFuture<Void> pending;
            boolean mine = false;
            synchronized (this) {
                Entry<V> entry = entries.get(key);
                if (entry != null) {
                    entry.leases++;
                    return new Lease<>(this, entry);
                }
                pending = loading.get(key);
                if (pending == null) {
                    pending = new CompletableFuture<>();
                    loading.put(key, pending);
                    mine = true;
                }
            }
            if (mine) {
                return loadAndLease(key, pending);
            }
            awaitOthersLoad(pending);
        }
    }

    private Lease<V> loadAndLease(String key, CompletableFuture<Void> pending) throws IOException {
        V value;
        try {
            value = loader.load(key);
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                loading.remove(key);
            }
            pending.completeExceptionally(e);
            throw e;
        }
        List<Entry<V>> toClose = new ArrayList<>();
        Lease<V> lease;
        synchronized (this) {
            Entry<V> entry = new Entry<>(key, value);
            entry.leases = 1;
            entries.put(key, entry);
            loading.remove(key);
            lease = new Lease<>(this, entry);
            Iterator<Entry<V>> eldest = entries.values().iterator();
            while (entries.size() > capacity && eldest.hasNext()) {
                Entry<V> candidate = eldest.next();
                if (candidate == entry) {
                    continue;
                }
                eldest.remove();
                candidate.evicted = true;
                evictions++;
                if (candidate.leases == 0) {
                    toClose.add(candidate);
                }
            }
        }
        pending.complete(null);
        toClose.forEach(LeaseCache::closeQuietly);
        return lease;
    }

    private static void awaitOthersLoad(CompletableFuture<Void> pending) throws IOException {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while another request loaded the model", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("loading the model failed: " + cause, cause);
        }
    }

    private void release(Entry<V> entry) {
        boolean close;
        synchronized (this) {
            entry.leases--;
            close = entry.leases == 0 && entry.evicted;
        }
        if (close) {
            closeQuietly(entry);
        }
    }

    /** Keys loaded now, least recently used first. */
    public synchronized List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Values pushed out so far (each closed once its leases were returned). */
    public synchronized long evictions() {
        return evictions;
    }

    public int capacity() {
        return capacity;
    }

    /** Evicts everything; values still leased are closed when their leases are returned. */
    public void clear() {
        List<Entry<V>> toClose = new ArrayList<>();
        synchronized (this) {
            for (Entry<V> entry : entries.values()) {
                entry.evicted = true;
                if (entry.leases == 0) {
                    toClose.add(entry);
                }
            }
            entries.clear();
        }
        toClose.forEach(LeaseCache::closeQuietly);
    }

    private static void closeQuietly(Entry<? extends AutoCloseable> entry) {
        try {
            entry.value.close();
        } catch (Exception e) {
            log.warn("closing the cached model {} failed: {}", entry.key, e.toString());
        }
    }

    private static final class Entry<V extends AutoCloseable> {
        final String key;
        final V value;
        int leases;
        boolean evicted;

        Entry(String key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    /** The right to use a cached value until {@link #close()}; closing twice is harmless. */
    public static final class Lease<V extends AutoCloseable> implements AutoCloseable {
        private final LeaseCache<V> cache;
        private final Entry<V> entry;
        private final AtomicBoolean returned = new AtomicBoolean();

        private Lease(LeaseCache<V> cache, Entry<V> entry) {
            this.cache = cache;
            this.entry = entry;
        }

        public V value() {
            if (returned.get()) {
                throw new IllegalStateException("the lease of " + entry.key + " was returned already");
            }
            return entry.value;
        }

        @Override
        public void close() {
            if (returned.compareAndSet(false, true)) {
                cache.release(entry);
            }
        }
    }
}
