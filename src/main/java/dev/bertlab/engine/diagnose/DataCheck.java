package dev.bertlab.engine.diagnose;

import java.util.Optional;

/** One rule over a dataset's splits. */
interface DataCheck {

    DiagnosisKind kind();

    Optional<Diagnosis> check(DataUnderReview data);
}
