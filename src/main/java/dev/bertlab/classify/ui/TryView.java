package dev.bertlab.classify.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.bertlab.classify.ClassifiableModel;
import dev.bertlab.classify.ClassificationService;
import dev.bertlab.classify.CsvScoringService;
import dev.bertlab.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live classifier: choose a finished run's model or the demo model, type or paste a review, and see the label,
 * a bar per class and the latency as you type; or score a whole CSV file.
 */
@Route("try")
@PageTitle("Try it | BertLab")
@RolesAllowed(Role.Names.VIEWER)
public class TryView extends VerticalLayout {

    /** How long typing must pause before the text is classified. */
    static final int DEBOUNCE_MILLIS = 400;

    /**
     * An entry of the model chooser.
     *
     * @param model what the classification service is asked for: "demo" or a run id
     * @param caption what the chooser shows
     */
    record ModelChoice(String model, String caption) {
    }

    private final ClassificationService classification;
    private final ComboBox<ModelChoice> model = new ComboBox<>("Model");
    private final TextArea text = new TextArea("Review");
    private final ClassificationOutput output = new ClassificationOutput("try", false);
    private final LiveClassification live;

    public TryView(ClassificationService classification, CsvScoringService scoring) {
        this.classification = classification;
        this.live = new LiveClassification(this, classification, this::selectedModel, output);
        setMaxWidth("70rem");
        add(new H2("Try it"), new Paragraph("Type or paste a review: a fine-tuned model labels it as you type."));
        List<ModelChoice> choices = modelChoices();
        if (choices.isEmpty()) {
            add(noModelYet());
            return;
        }
        add(modelChooser(choices), textAndResult(), examples(), new BatchScoringPanel(scoring, this::selectedModel));
    }

    private List<ModelChoice> modelChoices() {
        List<ModelChoice> choices = new ArrayList<>();
        Optional<ClassifiableModel> demo = classification.demoModel();
        demo.ifPresent(m -> choices.add(new ModelChoice(ClassificationService.DEMO, "Demo model: " + m.title())));
        classification.models().forEach(m -> choices.add(new ModelChoice(m.id(), m.title())));
        return choices;
    }

    private Paragraph noModelYet() {
        Paragraph none = new Paragraph("No model to try yet: a run's model appears here once the run has finished. "
                + "On a fresh installation the quickstart run trains one within minutes.");
        none.setId("try-no-model");
        return none;
    }

    private ComboBox<ModelChoice> modelChooser(List<ModelChoice> choices) {
        model.setId("try-model");
        model.setItems(choices);
        model.setItemLabelGenerator(ModelChoice::caption);
        model.setValue(choices.get(0));
        model.setWidth("36rem");
        model.setMaxWidth("100%");
        model.setAllowCustomValue(false);
        model.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                classifyCurrentText();
            }
        });
        return model;
    }

    private Div textAndResult() {
        text.setId("try-text");
        text.setWidthFull();
        text.setMinHeight("12rem");
        text.setPlaceholder("e.g. The battery lasts for days and the sound is great.");
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        text.setValueChangeTimeout(DEBOUNCE_MILLIS);
        text.addValueChangeListener(change -> classifyCurrentText());
        output.hint("Type or paste a review: its label appears as you type.");
        Div columns = new Div(text, output);
        columns.setWidthFull();
        columns.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(20rem, 1fr))")
                .set("gap", "var(--lumo-space-l)").set("align-items", "start");
        return columns;
    }

    private Div examples() {
        Div examples = new Div(new H3("Examples"), new ExampleButtons("try", false, example -> text.setValue(example)));
        examples.setWidthFull();
        return examples;
    }

    private void classifyCurrentText() {
        String value = text.getValue();
        if (value == null || value.isBlank()) {
            live.clear();
            output.hint(value == null || value.isEmpty() ? "Type or paste a review: its label appears as you type."
                    : "The text is empty: there is nothing to classify.");
            return;
        }
        live.request(value);
    }

    private String selectedModel() {
        ModelChoice choice = model.getValue();
        return choice == null ? ClassificationService.DEMO : choice.model();
    }
}
