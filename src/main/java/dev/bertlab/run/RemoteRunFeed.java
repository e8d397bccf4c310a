package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live events of runs that other nodes train, for this node's pages. A worker node publishes its runs' events in
 * its own process only; here they are rebuilt from what it writes where every node reads it: progress and state in
 * the database, training lines and evaluations in the run's training log and lines in its activity log, both on the
 * shared storage. Every {@code bertlab.cluster.follow-interval} (1 s), so a page on the dashboard follows a run on a
 * worker node about as closely as one trained here. A run taken back into the queue (its node died) is followed on
 * from where it was when it trains again; one first seen mid-run is followed from then on (what came before, a page
 * reads from the logs as it opens).
 */
@Component
public class RemoteRunFeed {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteRunFeed.class);

    /** What this node has passed on of one remote run. */
    private static final class Followed {
        final String runDirectory;
        long activityOffset = -1;
        long trainingLogOffset = -1;
        int step = -1;
        Double eta;
        RunStatus status;
        String workerNode;
        int attempts;

        Followed(String runDirectory) {
            this.runDirectory = runDirectory;
        }
    }

    private final TrainingRunRepository runs;
    private final RunEvents events;
    private final String node;
    private final Map<Long, Followed> followed = new ConcurrentHashMap<>();

    public RemoteRunFeed(TrainingRunRepository runs, RunEvents events, BertLabProperties properties) {
        this.runs = runs;
        this.events = events;
        this.node = properties.nodeName();
    }

    @Scheduled(fixedDelayString = "${bertlab.cluster.follow-interval:1s}",
            initialDelayString = "${bertlab.cluster.follow-interval:1s}")
    public void follow() {
        try {
            Set<Long> seen = new HashSet<>();
            for (TrainingRun run : runs.findRunningElsewhere(RunStatus.RUNNING, node)) {
                seen.add(run.getId());
                Followed state = followed.get(run.getId());
                if (state == null) {
                    // from now on: what was written before, a page read from the logs when it opened
                    state = new Followed(run.getRunDirectory());
                    catchUp(run.getId(), state, false);
                    followed.put(run.getId(), state);
                }
                if (state.status != RunStatus.RUNNING || !Objects.equals(state.workerNode, run.getWorkerNode())
                        || state.attempts != run.getAttempts()) {
                    // started, or started again on another node (taken back and claimed within one look)
                    state.status = RunStatus.RUNNING;
                    state.workerNode = run.getWorkerNode();
                    state.attempts = run.getAttempts();
                    events.publish(new RunEvent.StateChanged(run.getId(), RunStatus.RUNNING, run.getReason()));
                }
                progress(run, state);
                catchUp(run.getId(), state, true);
            }
            for (Long gone : List.copyOf(followed.keySet())) {
                if (!seen.contains(gone)) {
                    Followed state = followed.get(gone);
                    catchUp(gone, state, true); // the last lines, then how it ended
                    TrainingRun run = runs.findById(gone).orElse(null);
                    if (run == null || run.getStatus() != RunStatus.QUEUED) {
                        followed.remove(gone); // ended, or trains on this node now
                    }
                    if (run != null && state.status != run.getStatus()) {
                        events.publish(new RunEvent.StateChanged(gone, run.getStatus(), run.getReason()));
                    }
                    if (run != null) {
                        state.status = run.getStatus();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("could not follow the runs of other nodes: {}", e.toString());
        }
    }

    private void progress(TrainingRun run, Followed state) {
        if (run.getStep() != state.step || !Objects.equals(run.getEtaSeconds(), state.eta)) {
            state.step = run.getStep();
            state.eta = run.getEtaSeconds();
            events.publish(new RunEvent.Progress(run.getId(), run.getStep(), run.getTotalSteps(), run.getEpoch(),
                    run.getEpochs(), run.getEtaSeconds() == null ? Double.NaN : run.getEtaSeconds()));
        }
    }

    /** Passes on the lines appended to the run's logs since the last look (or only notes where they end). */
    private void catchUp(long runId, Followed state, boolean publish) {
        if (state.runDirectory == null) {
            return;
        }
        RunActivityLog.Appended activity = RunActivityLog.appendedSince(state.runDirectory,
                publish ? state.activityOffset : -1);
        state.activityOffset = activity.nextOffset();
        activity.lines().forEach(line -> events.publish(new RunEvent.LogLine(runId, line)));
        Path trainingLog = new RunDirectory(Path.of(state.runDirectory)).trainingLog();
        try {
            if (!publish) {
                state.trainingLogOffset = java.nio.file.Files.exists(trainingLog)
                        ? java.nio.file.Files.size(trainingLog) : 0;
                return;
            }
            TrainingLogReader.Tail tail = TrainingLogReader.readFrom(trainingLog, state.trainingLogOffset);
            state.trainingLogOffset = tail.nextOffset();
            tail.log().train().forEach(line -> events.publish(
                    new RunEvent.TrainLine(runId, TrainingLogReader.step(line))));
            tail.log().eval().forEach(line -> events.publish(
                    new RunEvent.Evaluation(runId, TrainingLogReader.evaluation(line))));
        } catch (IOException e) {
            LOG.debug("cannot read the training log of run {}: {}", runId, e.getMessage());
        }
    }
}
