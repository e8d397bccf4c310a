package dev.bertlab.classify;

import dev.bertlab.config.TaskExecutors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The classify feature's thread pools. */
@Configuration
class ClassifyExecutors {

    static final String CLASSIFICATION = "classificationExecutor";
    static final String CSV_SCORING = "csvScoringExecutor";

    /**
     * Runs the pages' classifications off the UI thread: a thread for every classification the gate lets run or
     * wait, so none waits for a thread as well.
     */
    @Bean(name = CLASSIFICATION, defaultCandidate = false)
    ThreadPoolTaskExecutor classificationExecutor(ClassifyProperties properties) {
        return TaskExecutors.daemonPool("classify-", properties.concurrent() + properties.waiting());
    }

    /** Scores uploaded CSV files, two at a time. */
    @Bean(name = CSV_SCORING, defaultCandidate = false)
    ThreadPoolTaskExecutor csvScoringExecutor() {
        return TaskExecutors.daemonPool("csv-scoring-", 2);
    }
}
