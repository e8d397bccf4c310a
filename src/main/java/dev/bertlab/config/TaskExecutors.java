package dev.bertlab.config;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The features' own thread pools, declared as beans so that Spring starts and shuts them down (with
 * {@code shutdownNow} at context close, as the services did by hand before).
 *
 * <p>Declare them with {@code @Bean(defaultCandidate = false)} and inject them by bean name with
 * {@code @Qualifier}: a non-default candidate is never injected by type by accident, and it does not count as "an
 * Executor bean" for Spring Boot, so the auto-configured {@code applicationTaskExecutor} stays.
 */
public final class TaskExecutors {

    private TaskExecutors() {
    }

    /**
     * A fixed pool of daemon threads over an unbounded queue, like {@code Executors.newFixedThreadPool}: one
     * thread serializes the work. A fresh builder rather than Spring Boot's, so the application-wide
     * {@code spring.task.execution.*} settings (core thread time-out, pool sizes) do not change a feature's pool.
     */
    public static ThreadPoolTaskExecutor daemonPool(String threadNamePrefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutorBuilder()
                .corePoolSize(threads)
                .maxPoolSize(threads)
                .allowCoreThreadTimeOut(false)
                .threadNamePrefix(threadNamePrefix)
                .build();
        executor.setDaemon(true);
        return executor;
    }
}
