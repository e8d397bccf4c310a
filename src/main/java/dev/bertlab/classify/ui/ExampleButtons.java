package dev.bertlab.classify.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.function.Consumer;

/** A button per example review; a click hands its text on. Ids: {@code <prefix>-example-<n>}. */
class ExampleButtons extends Div {

    ExampleButtons(String idPrefix, boolean large, Consumer<String> chosen) {
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        for (int i = 0; i < ExampleReview.ALL.size(); i++) {
            ExampleReview example = ExampleReview.ALL.get(i);
            Button button = new Button(example.title(), click -> chosen.accept(example.text()));
            button.setId(idPrefix + "-example-" + (i + 1));
            button.setTooltipText(example.text());
            button.addThemeVariants(large ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_SMALL);
            add(button);
        }
    }
}
