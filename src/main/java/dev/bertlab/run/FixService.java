package dev.bertlab.run;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisKind;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.ExperimentStage;
import dev.bertlab.security.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Apply the fix": a diagnosis of a run becomes a debugged child of the run's experiment, with the remedy's
 * settings on top of what the run trained with and the diagnosis as the reason, ready to run and compare.
 */
@Service
public class FixService {

    private final RunService runs;
    private final RunArtifacts artifacts;
    private final ExperimentService experiments;

    public FixService(RunService runs, RunArtifacts artifacts, ExperimentService experiments) {
        this.runs = runs;
        this.artifacts = artifacts;
        this.experiments = experiments;
    }

    /**
     * @throws IllegalArgumentException when the run has no diagnosis of that kind, or its remedy changes no setting
     */
    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public Experiment applyFix(long runId, DiagnosisKind kind, String user) {
        TrainingRun run = runs.get(runId);
        Diagnosis diagnosis = artifacts.diagnoses(run).stream().filter(d -> d.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no " + kind.label()
                        + " diagnosis"));
        if (diagnosis.remedy().changes().isEmpty()) {
            throw new IllegalArgumentException("the remedy for " + kind.label() + " changes no setting: "
                    + diagnosis.remedy().advice());
        }
        Experiment parent = experiments.get(run.getExperimentId());
        Experiment child = parent.copy();
        child.setName(shortened(parent.getName() + " (fix: " + kind.label() + ")"));
        child.setHyperparameters(diagnosis.remedy().applyTo(run.getHyperparameters()));
        String note = "Run #" + runId + (diagnosis.step() == null ? "" : " at step " + diagnosis.step()) + ": "
                + kind.label() + " - " + diagnosis.evidence().sentence() + ". Applied: "
                + diagnosis.remedy().changesText() + ".";
        return experiments.refine(parent.getId(), child, note, ExperimentStage.DEBUGGED, user);
    }

    private static String shortened(String name) {
        return name.length() <= 100 ? name : name.substring(0, 99) + "…";
    }
}
