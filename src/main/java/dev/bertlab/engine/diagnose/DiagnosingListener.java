package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Diagnoses a run while it trains: feeds every event into a {@link TrainingHistory}, runs the curve rules and
 * hands each new diagnosis to a callback the moment it appears (the run page marks the chart, the CLI prints
 * {@link Diagnosis#logLine()}). Each kind is reported once. Rules run on the training thread after log lines,
 * evaluations and notices only (not after every step), and each is a pass over the history, so this stays cheap.
 */
public final class DiagnosingListener implements TrainingEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosingListener.class);

    private final TrainingDiagnostician diagnostician;
    private final RunFacts facts;
    private final Consumer<Diagnosis> onDiagnosis;
    private final TrainingHistory history = new TrainingHistory();
    private final Set<DiagnosisKind> reported = EnumSet.noneOf(DiagnosisKind.class);
    private final List<Diagnosis> diagnoses = new ArrayList<>();

    public DiagnosingListener(RunFacts facts, Consumer<Diagnosis> onDiagnosis) {
        this(new TrainingDiagnostician(), facts, onDiagnosis);
    }

    public DiagnosingListener(TrainingDiagnostician diagnostician, RunFacts facts, Consumer<Diagnosis> onDiagnosis) {
        this.diagnostician = diagnostician;
        this.facts = facts;
        this.onDiagnosis = onDiagnosis;
    }

    @Override
    public void onStarted(TrainingEvents.Started started) {
        history.started(started);
    }

    @Override
    public void onStep(TrainingEvents.StepLogged step) {
        history.add(step);
        rediagnose();
    }

    @Override
    public void onEvaluation(TrainingEvents.Evaluated evaluation) {
        history.add(evaluation);
        rediagnose();
    }

    @Override
    public void onNotice(TrainingEvents.Notice notice) {
        history.add(notice);
        rediagnose();
    }

    /** The run ended with an exception; call from the code that caught it, so an out-of-memory failure shows. */
    public void onFailure(Throwable error) {
        history.failed(error);
        rediagnose();
    }

    /** Everything diagnosed so far, in the order it was reported. */
    public synchronized List<Diagnosis> diagnoses() {
        return Collections.unmodifiableList(new ArrayList<>(diagnoses));
    }

    /** The history so far; it grows on the training thread, so read it there or after the run. */
    public TrainingHistory history() {
        return history;
    }

    private void rediagnose() {
        Set<DiagnosisKind> done = EnumSet.noneOf(DiagnosisKind.class);
        synchronized (this) {
            done.addAll(reported);
        }
        List<Diagnosis> found;
        try {
            found = diagnostician.diagnose(history, facts, done);
        } catch (RuntimeException e) {
            // the assistant is advice: a fault in a rule must never stop the training it watches
            LOG.warn("diagnosing the run failed; training goes on without it", e);
            return;
        }
        for (Diagnosis diagnosis : found) {
            boolean fresh;
            synchronized (this) {
                fresh = reported.add(diagnosis.kind());
                if (fresh) {
                    diagnoses.add(diagnosis);
                }
            }
            if (fresh) {
                onDiagnosis.accept(diagnosis);
            }
        }
    }
}
