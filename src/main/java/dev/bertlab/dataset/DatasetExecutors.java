package dev.bertlab.dataset;

import dev.bertlab.config.TaskExecutors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The dataset feature's thread pool. */
@Configuration
class DatasetExecutors {

    static final String ANALYSIS = "datasetAnalysisExecutor";

    /** One thread: analyses tokenize whole datasets, so they run one after another. */
    @Bean(name = ANALYSIS, defaultCandidate = false)
    ThreadPoolTaskExecutor datasetAnalysisExecutor() {
        return TaskExecutors.daemonPool("dataset-analysis-", 1);
    }
}
