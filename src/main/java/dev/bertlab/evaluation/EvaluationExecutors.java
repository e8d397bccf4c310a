package dev.bertlab.evaluation;

import dev.bertlab.config.TaskExecutors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The evaluation feature's thread pool. */
@Configuration
class EvaluationExecutors {

    static final String MODEL_CHECKS = "modelChecksExecutor";

    /** One thread: a check loads a model and predicts thousands of texts, so checks run one after another. */
    @Bean(name = MODEL_CHECKS, defaultCandidate = false)
    ThreadPoolTaskExecutor modelChecksExecutor() {
        return TaskExecutors.daemonPool("model-checks-", 1);
    }
}
