package dev.bertlab.engine.diagnose;

import java.util.Optional;

/**
 * One rule over a run's curves. A rule reports the first step where its condition is established, so running it
 * on a growing history (live) or on the whole history afterwards gives the same diagnosis.
 */
public interface CurveRule {

    DiagnosisKind kind();

    Optional<Diagnosis> check(TrainingHistory history, RunFacts facts);
}
