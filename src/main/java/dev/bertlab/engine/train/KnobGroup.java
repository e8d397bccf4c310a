package dev.bertlab.engine.train;

/** The sections hyperparameters are shown in (form, comparison, report), in this order. */
public enum KnobGroup {
    OPTIMISATION("Optimisation"),
    SCHEDULE("Schedule"),
    REGULARISATION("Regularisation"),
    LENGTHS("Lengths"),
    EVALUATION("Evaluation and checkpoints"),
    REPRODUCIBILITY("Reproducibility");

    private final String title;

    KnobGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
