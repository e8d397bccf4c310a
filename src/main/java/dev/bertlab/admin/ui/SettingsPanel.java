package dev.bertlab.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.bertlab.classify.ClassifiableModel;
import dev.bertlab.classify.ClassificationService;
import dev.bertlab.classify.DemoModelService;
import dev.bertlab.config.BertLabProperties;
import java.util.List;
import java.util.Locale;

/** The demo model (chosen here) and the settings fixed at start-up (shown read-only). */
class SettingsPanel extends VerticalLayout {

    private final DemoModelService demoModels;
    private final ClassificationService classification;
    private final ComboBox<ClassifiableModel> demoChoice = new ComboBox<>("Model shown on the demo page");
    private final Span currentDemo = new Span();
    private final Checkbox demoInt8 = new Checkbox("Serve the demo from its int8 graph");
    private final Span int8Note = new Span();

    SettingsPanel(DemoModelService demoModels, ClassificationService classification, BertLabProperties properties) {
        this.demoModels = demoModels;
        this.classification = classification;
        setPadding(false);
        add(new H3("Demo model"), new Paragraph("The demo page shows one model to stakeholders, without login or "
                + "navigation. Choose a finished run's model."), demoChooser(), currentDemo, int8Choice());
        add(new H3("Fixed at start-up"), new Paragraph("Set in application.properties or the environment; "
                + "a restart applies a change."), fixedSettings(properties));
        showCurrentDemo();
    }

    private HorizontalLayout demoChooser() {
        demoChoice.setId("admin-demo-model");
        demoChoice.setItemLabelGenerator(ClassifiableModel::title);
        demoChoice.setWidth("36rem");
        refresh();
        Button promote = new Button("Promote to demo", VaadinIcon.PRESENTATION.create(), click -> promote());
        promote.setId("admin-demo-promote");
        promote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor open = new Anchor("demo", "Open the demo page");
        open.setTarget("_blank");
        HorizontalLayout row = new HorizontalLayout(demoChoice, promote, open);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** The int8 choice: possible once the demo model's int8 variant was measured within the allowed loss. */
    private HorizontalLayout int8Choice() {
        demoInt8.setId("admin-demo-int8");
        int8Note.setId("admin-demo-int8-note");
        int8Note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        demoInt8.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                demoModels.serveDemoInInt8(change.getValue());
                Notices.done(change.getValue() ? "The demo now answers from the int8 graph"
                        : "The demo now answers from the float graph");
            } catch (IllegalArgumentException refused) {
                Notices.error(refused.getMessage());
            }
            showCurrentDemo();
        });
        HorizontalLayout row = new HorizontalLayout(demoInt8, int8Note);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    /** Reloads the models (runs may have finished since the page was opened). */
    void refresh() {
        List<ClassifiableModel> models = classification.models();
        demoChoice.setItems(models);
        demoChoice.setPlaceholder(models.isEmpty() ? "No finished run with a model yet" : "Choose a run's model");
        classification.demoModel().flatMap(demo -> models.stream().filter(m -> m.runId() == demo.runId()).findFirst())
                .ifPresent(demoChoice::setValue);
    }

    private void promote() {
        ClassifiableModel chosen = demoChoice.getValue();
        if (chosen == null) {
            demoChoice.setInvalid(true);
            demoChoice.setErrorMessage("Choose the model to show");
            return;
        }
        demoChoice.setInvalid(false);
        try {
            demoModels.promoteDemo(chosen.runId());
            Notices.done("Run " + chosen.runId() + " is now the demo model");
            showCurrentDemo();
        } catch (IllegalArgumentException refused) {
            Notices.error(refused.getMessage());
        }
    }

    private void showCurrentDemo() {
        currentDemo.setId("admin-demo-current");
        java.util.Optional<ClassifiableModel> demo = demoModels.demoModel();
        currentDemo.setText(demo.map(m -> "Now on the demo page: " + m.title())
                .orElse("No demo model yet: the demo page asks visitors to check back later."));
        boolean offered = demo.map(DemoModelService::int8Offered).orElse(false);
        demoInt8.setEnabled(offered);
        demoInt8.setValue(demo.map(ClassifiableModel::int8).orElse(false));
        int8Note.setText(offered ? "its int8 variant was measured within " + DemoModelService.INT8_MAX_LOSS_POINTS
                + " accuracy points on the run's test split" : "offered once the demo run's int8 variant is measured "
                + "on its run page and loses at most " + DemoModelService.INT8_MAX_LOSS_POINTS + " accuracy points");
    }

    private FormLayout fixedSettings(BertLabProperties properties) {
        ClassificationService.Limits limits = classification.limits();
        FormLayout form = new FormLayout();
        form.add(readOnly("admin-cpu-slots", "CPU slots (runs training at once on the CPU)",
                Integer.toString(properties.cpuSlots())));
        form.add(readOnly("admin-threads", "PyTorch threads per process",
                properties.threads() == 0 ? "engine default" : Integer.toString(properties.threads())));
        form.add(readOnly("admin-data", "Data directory", properties.data().toAbsolutePath().toString()));
        form.add(readOnly("admin-cached-models", "Classifier models kept loaded",
                limits.loadedModels() + " of at most " + limits.cachedModels()));
        form.add(readOnly("admin-classify-limits", "Classifications at once / waiting",
                String.format(Locale.ROOT, "%d / %d (a request waits up to %.1f s, then gets HTTP 429)",
                        limits.concurrent(), limits.waiting(), limits.maxWaitMillis() / 1000.0)));
        form.add(readOnly("admin-max-texts", "Texts per request / characters per text",
                String.format(Locale.ROOT, "%d / %,d", limits.maxTexts(), limits.maxCharacters())));
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50rem", 2));
        return form;
    }

    private static TextField readOnly(String id, String label, String value) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        return field;
    }
}
