package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.InvalidHyperparametersException;
import dev.bertlab.engine.train.Knob;
import dev.bertlab.engine.train.KnobGroup;
import dev.bertlab.engine.train.Knobs;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every hyperparameter as a field with its default and help text, in collapsible sections. Values travel as the
 * texts a config file holds, so a typo is reported on its field instead of silently becoming a default.
 */
class HyperparameterFieldSet extends VerticalLayout {

    /** How one field is read, written and marked. */
    private record Editor(Supplier<String> read, Consumer<String> write, HasValidation validation) {
    }

    private final Map<String, Editor> editors = new LinkedHashMap<>();
    private final Map<String, Details> sections = new LinkedHashMap<>();

    HyperparameterFieldSet() {
        setPadding(false);
        setSpacing(false);
        Map<KnobGroup, FormLayout> forms = new EnumMap<>(KnobGroup.class);
        for (KnobGroup group : KnobGroup.values()) {
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2),
                    new FormLayout.ResponsiveStep("1000px", 3));
            forms.put(group, form);
            Details section = new Details(group.title(), form);
            section.setId("hp-group-" + group.name().toLowerCase(java.util.Locale.ROOT));
            section.setOpened(group == KnobGroup.OPTIMISATION || group == KnobGroup.SCHEDULE);
            section.setWidthFull();
            add(section);
            Knobs.of(group).forEach(knob -> sections.put(knob.key(), section));
        }
        Knobs.all().forEach(knob -> forms.get(knob.group()).add(editor(knob)));
        setValues(Hyperparameters.defaults());
    }

    /** Shows {@code hyperparameters} in the fields and clears earlier problems. */
    void setValues(Hyperparameters hyperparameters) {
        hyperparameters.asTexts().forEach((key, text) -> editors.get(key).write().accept(text));
        clearProblems();
    }

    /**
     * The hyperparameters the fields hold.
     *
     * @throws InvalidHyperparametersException with a problem per offending field (snake_case keys)
     */
    Hyperparameters read() {
        Map<String, String> texts = new LinkedHashMap<>();
        editors.forEach((key, editor) -> texts.put(key, editor.read().get()));
        return Hyperparameters.fromTexts(texts);
    }

    /**
     * Marks each field named in {@code problems} (snake_case keys) with its message and opens its section.
     *
     * @return the first marked field in form order, to scroll to
     */
    Optional<Component> showProblems(Map<String, String> problems) {
        Component first = null;
        for (Map.Entry<String, Editor> entry : editors.entrySet()) {
            String message = problems.get(entry.getKey());
            Editor editor = entry.getValue();
            if (message != null && editor.validation() != null) {
                editor.validation().setErrorMessage(message);
                editor.validation().setInvalid(true);
                sections.get(entry.getKey()).setOpened(true);
                first = first == null ? (Component) editor.validation() : first;
            }
        }
        return Optional.ofNullable(first);
    }

    void clearProblems() {
        editors.values().forEach(editor -> {
            if (editor.validation() != null) {
                editor.validation().setInvalid(false);
            }
        });
    }

    private Component editor(Knob<?> field) {
        String label = field.key();
        String help = field.help() + " Default: " + (field.defaultText().isEmpty() ? "none" : field.defaultText())
                + ".";
        String id = "hp-" + field.key().replace('_', '-');
        switch (field.kind()) {
            case CHOICE -> {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(field.choices());
                select.setHelperText(help);
                select.setId(id);
                editors.put(field.key(), new Editor(select::getValue, select::setValue, select));
                select.addValueChangeListener(event -> select.setInvalid(false));
                return select;
            }
            case FLAG -> {
                Checkbox checkbox = new Checkbox(label);
                checkbox.setHelperText(help);
                checkbox.setId(id);
                editors.put(field.key(), new Editor(() -> Boolean.toString(checkbox.getValue()),
                        text -> checkbox.setValue(Boolean.parseBoolean(text)), null));
                return checkbox;
            }
            default -> {
                TextField text = new TextField(label);
                text.setHelperText(help);
                text.setPlaceholder(field.defaultText());
                text.setId(id);
                text.addValueChangeListener(event -> text.setInvalid(false));
                editors.put(field.key(), new Editor(text::getValue, text::setValue, text));
                return text;
            }
        }
    }
}
