package dev.bertlab.engine.diagnose;

/**
 * Hears of each diagnosis the moment a run establishes it. A training listener that also implements this gets the
 * run's diagnoses too (the run page marks its chart with them).
 */
public interface DiagnosisListener {

    void onDiagnosis(Diagnosis diagnosis);
}
