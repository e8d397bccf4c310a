package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.Component;
import dev.bertlab.experiment.Experiment;

/**
 * A control that another feature puts among an experiment's actions on its page. The page takes every bean of this
 * type, so that features built on experiments (the family report) appear there without the experiment feature
 * depending on them.
 */
public interface ExperimentPageAction {

    /** A new control for the experiment; asked each time the page shows it, so that it is never shared. */
    Component create(Experiment experiment);
}
