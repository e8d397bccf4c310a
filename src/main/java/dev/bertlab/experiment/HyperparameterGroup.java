package dev.bertlab.experiment;

/** The sections a form shows the hyperparameters in, in this order. */
public enum HyperparameterGroup {
    OPTIMISATION("Optimisation"),
    SCHEDULE("Schedule"),
    REGULARISATION("Regularisation"),
    LENGTHS("Lengths"),
    EVALUATION("Evaluation and checkpoints"),
    REPRODUCIBILITY("Reproducibility");

    private final String title;

    HyperparameterGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
