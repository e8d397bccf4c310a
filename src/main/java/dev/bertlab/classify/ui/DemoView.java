package dev.bertlab.classify.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.bertlab.classify.ClassifiableModel;
import dev.bertlab.classify.ClassificationService;
import java.util.Optional;

/**
 * The stakeholder demo at a stable URL (/demo): no navigation or editing, a large text area, a big label and
 * bars, and example reviews. It classifies with the model an admin promoted to demo, and needs no login.
 */
@Route(value = "demo", autoLayout = false)
@PageTitle("Sentiment demo | BertLab")
@AnonymousAllowed
public class DemoView extends VerticalLayout {

    private final TextArea text = new TextArea();
    private final ClassificationOutput output = new ClassificationOutput("demo", true);
    private final LiveClassification live;

    public DemoView(ClassificationService classification) {
        this.live = new LiveClassification(this, classification, () -> ClassificationService.DEMO, output);
        setId("demo");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        getStyle().set("background", "linear-gradient(160deg, var(--lumo-contrast-5pct), var(--lumo-base-color) 40%)")
                .set("overflow", "auto");
        Optional<ClassifiableModel> demo = classification.demoModel();
        VerticalLayout stage = stage();
        stage.add(heading(demo));
        if (demo.isEmpty()) {
            stage.add(notSetUp());
        } else {
            stage.add(textArea(), output, examples());
        }
        add(stage);
    }

    private VerticalLayout stage() {
        VerticalLayout stage = new VerticalLayout();
        stage.setMaxWidth("60rem");
        stage.setWidthFull();
        stage.setPadding(true);
        stage.setSpacing(true);
        stage.getStyle().set("padding-top", "4vh");
        return stage;
    }

    private Div heading(Optional<ClassifiableModel> demo) {
        H1 title = new H1("How does this review feel?");
        title.getStyle().set("font-size", "clamp(2rem, 5vw, 3.5rem)").set("margin", "0");
        Span model = new Span(demo.map(m -> "Model: " + m.experiment() + ", fine-tuned from " + m.baseModel()
                + " on " + m.dataset()).orElse(""));
        model.setId("demo-model");
        model.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(title, model);
    }

    private Paragraph notSetUp() {
        Paragraph none = new Paragraph("The demo is not set up yet. As soon as a model has been trained and an admin "
                + "has chosen it for the demo, you can try it right here. Please check back in a few minutes.");
        none.setId("demo-none");
        none.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("color", "var(--lumo-secondary-text-color)");
        return none;
    }

    private TextArea textArea() {
        text.setId("demo-text");
        text.setWidthFull();
        text.setMinHeight("10rem");
        text.setPlaceholder("Type or paste a product or film review…");
        text.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        text.setValueChangeTimeout(TryView.DEBOUNCE_MILLIS);
        text.addValueChangeListener(change -> {
            String value = change.getValue();
            if (value == null || value.isBlank()) {
                live.clear();
                output.hint(value == null || value.isEmpty() ? "Start typing: the label appears as you type."
                        : "The text is empty: there is nothing to classify.");
            } else {
                live.request(value);
            }
        });
        output.hint("Start typing: the label appears as you type.");
        return text;
    }

    private Div examples() {
        Span caption = new Span("Or try one of these:");
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("display", "block")
                .set("margin-bottom", "var(--lumo-space-s)");
        Div examples = new Div(caption, new ExampleButtons("demo", true, text::setValue));
        examples.getStyle().set("margin-top", "var(--lumo-space-l)");
        return examples;
    }
}
