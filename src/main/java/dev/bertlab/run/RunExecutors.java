package dev.bertlab.run;

import dev.bertlab.config.TaskExecutors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The run feature's thread pools. */
@Configuration
class RunExecutors {

    static final String RUN_RESULTS = "runResultsExecutor";
    static final String INT8_CHECK = "int8CheckExecutor";

    /** Reads a run's results (predictions, misclassified examples) off the UI thread. */
    @Bean(name = RUN_RESULTS, defaultCandidate = false)
    ThreadPoolTaskExecutor runResultsExecutor() {
        return TaskExecutors.daemonPool("run-results-", 2);
    }

    /** One thread: an int8 check quantizes and measures a model, so checks run one after another. */
    @Bean(name = INT8_CHECK, defaultCandidate = false)
    ThreadPoolTaskExecutor int8CheckExecutor() {
        return TaskExecutors.daemonPool("int8-check-", 1);
    }
}
