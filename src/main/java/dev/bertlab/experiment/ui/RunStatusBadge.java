package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Span;
import dev.bertlab.run.RunStatus;
import java.util.Locale;

/** A run's state as a coloured label; "not run" when there is no run. */
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
public class RunStatusBadge extends Span {

    public RunStatusBadge(RunStatus status) {
        super(status == null ? "not run" : status.name().toLowerCase(Locale.ROOT));
        getElement().getThemeList().add("badge");
        if (status != null) {
            switch (status) {
                case SUCCEEDED -> getElement().getThemeList().add("success");
                case FAILED, DIVERGED -> getElement().getThemeList().add("error");
                case CANCELLED -> getElement().getThemeList().add("contrast");
                default -> { }
            }
        }
    }
}
