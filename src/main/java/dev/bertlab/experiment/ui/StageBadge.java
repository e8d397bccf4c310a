package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Span;
import dev.bertlab.experiment.ExperimentStage;
import java.util.Locale;

/** Where an experiment stands in its family, as a small coloured label. */
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
public class StageBadge extends Span {

    public StageBadge(ExperimentStage stage) {
        super(stage.name().toLowerCase(Locale.ROOT));
        getElement().getThemeList().add("badge");
        getElement().getThemeList().add(switch (stage) {
            case INITIAL -> "contrast";
            case DEBUGGED -> "error";
            case REFINED -> "success";
        });
        getElement().getThemeList().add("pill");
    }
}
