package dev.bertlab.operations;

import dev.bertlab.run.LiveRuns;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.RunQueueFigures;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The run queue as Prometheus sees it: runs by state (the queue's length is the QUEUED ones), device slots in use
 * and in all, and the training throughput of every logged step of the runs this node supervises.
 */
@Component
class RunMetrics implements MeterBinder {

    private final RunQueueFigures figures;
    private final RunEvents events;
    private final LiveRuns live;

    RunMetrics(RunQueueFigures figures, RunEvents events, LiveRuns live) {
        this.figures = figures;
        this.events = events;
        this.live = live;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RunStatus status : RunStatus.values()) {
            Gauge.builder("bertlab.runs", figures, f -> f.runs(status))
                    .description("runs in this state, on every node").tag("state", status.name())
                    .register(registry);
        }
        Gauge.builder("bertlab.queue.length", figures, f -> f.runs(RunStatus.QUEUED))
                .description("runs waiting for a slot (or for their start time)").register(registry);
        Gauge.builder("bertlab.slots.busy", figures, RunQueueFigures::busySlots)
                .description("device slots of this node training a run").register(registry);
        Gauge.builder("bertlab.slots", figures, RunQueueFigures::totalSlots)
                .description("device slots of this node").register(registry);
        DistributionSummary throughput = DistributionSummary.builder("bertlab.training.throughput")
                .baseUnit("samples_per_second")
                .description("training examples per second, one observation per logged step").register(registry);
        events.subscribeAll(event -> {
            // only the runs this node trains: another node's (followed for the pages) count on that node
            if (event instanceof RunEvent.TrainLine line && Double.isFinite(line.line().samplesPerSecond())
                    && live.isLive(line.runId())) {
                throughput.record(line.line().samplesPerSecond());
            }
        });
    }
}
