package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.OutOfMemory;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a run has reported so far: its log lines, evaluations and notices, in arrival order, plus how it failed if
 * it did. The curve rules read it; {@link DiagnosingListener} fills it live, a test or a finished run's page can
 * fill it from a log.
 */
public final class TrainingHistory {

    /**
     * How a run ended with an exception.
     *
     * @param step optimizer steps done before it
     * @param message the exception's message
     * @param outOfMemory whether the native engine ran out of memory
     */
    public record Failure(int step, String message, boolean outOfMemory) {
    }

    private TrainingEvents.Started started;
    private final List<TrainingEvents.StepLogged> steps = new ArrayList<>();
    private final List<TrainingEvents.Evaluated> evaluations = new ArrayList<>();
    private final List<TrainingEvents.Notice> notices = new ArrayList<>();
    private Failure failure;

    public TrainingHistory started(TrainingEvents.Started event) {
        this.started = event;
        return this;
    }

    public TrainingHistory add(TrainingEvents.StepLogged event) {
        steps.add(event);
        return this;
    }

    public TrainingHistory add(TrainingEvents.Evaluated event) {
        evaluations.add(event);
        return this;
    }

    public TrainingHistory add(TrainingEvents.Notice event) {
        notices.add(event);
        return this;
    }

    /** Records the exception a run ended with (the loop reports that by throwing, not by an event). */
    public TrainingHistory failed(Throwable error) {
        this.failure = new Failure(lastStep(), String.valueOf(error.getMessage()), OutOfMemory.isCause(error));
        return this;
    }

    public Optional<TrainingEvents.Started> started() {
        return Optional.ofNullable(started);
    }

    public List<TrainingEvents.StepLogged> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<TrainingEvents.Evaluated> evaluations() {
        return Collections.unmodifiableList(evaluations);
    }

    public List<TrainingEvents.Notice> notices() {
        return Collections.unmodifiableList(notices);
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** The latest step any event reported. */
    public int lastStep() {
        int last = 0;
        if (!steps.isEmpty()) {
            last = Math.max(last, steps.get(steps.size() - 1).step());
        }
        if (!evaluations.isEmpty()) {
            last = Math.max(last, evaluations.get(evaluations.size() - 1).step());
        }
        if (!notices.isEmpty()) {
            last = Math.max(last, notices.get(notices.size() - 1).step());
        }
        return last;
    }
}
