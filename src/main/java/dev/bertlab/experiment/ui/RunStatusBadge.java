package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Span;
import dev.bertlab.experiment.RunSummary;
import java.util.Locale;

/** A run's state as a coloured label; "not run" when there is no run. */
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
public class RunStatusBadge extends Span {

    public RunStatusBadge(RunSummary run) {
        super(run == null ? "not run" : run.status().toLowerCase(Locale.ROOT));
        getElement().getThemeList().add("badge");
        if (run != null) {
            switch (run.outcome()) {
                case SUCCEEDED -> getElement().getThemeList().add("success");
                case FAILED -> getElement().getThemeList().add("error");
                case CANCELLED -> getElement().getThemeList().add("contrast");
                case LIVE -> { }
            }
        }
    }
}
