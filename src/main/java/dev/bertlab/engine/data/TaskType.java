package dev.bertlab.engine.data;

/** What a dataset's labels are: one class out of several, or a real number. */
public enum TaskType {
    SINGLE_LABEL_CLASSIFICATION, REGRESSION
}
