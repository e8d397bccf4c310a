package dev.bertlab.cluster;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The node's heartbeat runs on Spring's scheduler (Quartz's threads belong to runs and schedules). */
@Configuration
@EnableScheduling
class HeartbeatScheduling {
}
