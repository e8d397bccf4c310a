package dev.bertlab.run.ui;

import com.vaadin.flow.component.html.Span;
import dev.bertlab.run.RunStatus;

/** A run's state as a coloured pill; {@code data-status} holds the state for tests. */
public class StatusBadge extends Span {

    public StatusBadge(RunStatus status) {
        getStyle().set("border-radius", "var(--lumo-border-radius-l)").set("padding", "0.15em 0.65em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500").set("white-space", "nowrap");
        setStatus(status);
    }

    public void setStatus(RunStatus status) {
        setText(status.name().toLowerCase());
        getElement().setAttribute("data-status", status.name());
        String tone = switch (status) {
            case QUEUED -> "contrast";
            case RUNNING -> "primary";
            case SUCCEEDED -> "success";
            case FAILED, DIVERGED -> "error";
            case CANCELLED -> "warning";
        };
        if (tone.equals("contrast")) {
            getStyle().set("background", "var(--lumo-contrast-10pct)").set("color", "var(--lumo-secondary-text-color)");
        } else if (tone.equals("warning")) {
            getStyle().set("background", "var(--lumo-contrast-20pct)").set("color", "var(--lumo-body-text-color)");
        } else {
            getStyle().set("background", "var(--lumo-" + tone + "-color-10pct)")
                    .set("color", "var(--lumo-" + tone + "-text-color)");
        }
    }
}
