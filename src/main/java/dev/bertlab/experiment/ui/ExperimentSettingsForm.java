package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.experiment.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an experiment trains on and how it is described: name, dataset (with its task), base model, subset sizes,
 * device, tags and the hypothesis. Bound to an {@link Experiment}; problems from the service land on their fields.
 */
class ExperimentSettingsForm extends FormLayout {

    private final TextField name = new TextField("Name");
    private final ComboBox<String> dataset = new ComboBox<>("Dataset");
    private final Span task = new Span();
    private final ComboBox<String> baseModel = new ComboBox<>("Base model");
    private final IntegerField subsetTrain = subsetField("Train examples", "subset-train");
    private final IntegerField subsetValidation = subsetField("Validation examples", "subset-validation");
    private final IntegerField subsetTest = subsetField("Test examples", "subset-test");
    private final ComboBox<String> device = new ComboBox<>("Device");
    private final TextField tags = new TextField("Tags");
    private final TextArea notes = new TextArea("Hypothesis and notes");

    private final Binder<Experiment> binder = new Binder<>(Experiment.class);
    private final Map<String, DatasetInfo> datasets = new LinkedHashMap<>();
    private final List<String> modelChoices = new ArrayList<>();
    private final List<String> deviceChoices = new ArrayList<>(List.of("auto", "cpu", "cuda", "cuda:0"));

    ExperimentSettingsForm(List<DatasetInfo> datasetInfos, List<String> baseModels) {
        datasetInfos.forEach(info -> datasets.put(info.name(), info));
        modelChoices.addAll(baseModels);
        configureFields();
        bind();
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("700px", 3));
        add(name, 2);
        add(device);
        add(dataset);
        add(task, 2);
        add(baseModel, 3);
        add(subsetTrain, subsetValidation, subsetTest);
        add(tags, 3);
        add(notes, 3);
    }

    /** Shows the experiment in the fields. */
    void read(Experiment experiment) {
        allowValue(baseModel, modelChoices, experiment.getBaseModel());
        allowValue(device, deviceChoices, experiment.getDevice());
        binder.readBean(experiment);
        showTask(experiment.getDataset());
    }

    /** Writes valid field values into the experiment; false (fields marked) when a field cannot be read. */
    boolean write(Experiment experiment) {
        return binder.writeBeanIfValid(experiment);
    }

    /**
     * Marks each field named in {@code problems} (the service's field names) with its message.
     *
     * @return the first marked field in page order, to scroll to
     */
    Optional<Component> showProblems(Map<String, String> problems) {
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("device", device);
        fields.put("dataset", dataset);
        fields.put("baseModel", baseModel);
        fields.put("subsetTrain", subsetTrain);
        fields.put("subsetValidation", subsetValidation);
        fields.put("subsetTest", subsetTest);
        Component first = null;
        for (Map.Entry<String, Component> field : fields.entrySet()) {
            String message = problems.get(field.getKey());
            if (message != null) {
                HasValidation validation = (HasValidation) field.getValue();
                validation.setErrorMessage(message);
                validation.setInvalid(true);
                first = first == null ? field.getValue() : first;
            }
        }
        return Optional.ofNullable(first);
    }

    private void configureFields() {
        name.setId("experiment-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        dataset.setId("experiment-dataset");
        dataset.setItems(datasets.keySet());
        dataset.setItemLabelGenerator(key -> datasets.containsKey(key) ? key + " · " + datasets.get(key).displayName()
                : key);
        dataset.setRequiredIndicatorVisible(true);
        dataset.addValueChangeListener(event -> showTask(event.getValue()));
        task.setId("experiment-task");
        task.getStyle().set("align-self", "end").set("color", "var(--lumo-secondary-text-color)")
                .set("padding-bottom", "var(--lumo-space-s)");
        baseModel.setId("experiment-base-model");
        baseModel.setItems(modelChoices);
        baseModel.setAllowCustomValue(true);
        baseModel.addCustomValueSetListener(event -> allowValue(baseModel, modelChoices, event.getDetail()));
        baseModel.setHelperText("A base model, or type a Hugging Face model directory in the models folder "
                + "(bertlab.models, by default data/models) or a finished run's model/ directory.");
        baseModel.setRequiredIndicatorVisible(true);
        device.setId("experiment-device");
        device.setItems(deviceChoices);
        device.setAllowCustomValue(true);
        device.addCustomValueSetListener(event -> allowValue(device, deviceChoices, event.getDetail()));
        device.setHelperText("auto picks a GPU when there is one; cuda:N names one.");
        tags.setId("experiment-tags");
        tags.setHelperText("Comma-separated, e.g. imdb, baseline");
        tags.setMaxLength(500);
        notes.setId("experiment-notes");
        notes.setHelperText("What do you expect, and why? The hypothesis this experiment tests.");
        notes.setMinHeight("6em");
    }

    private void bind() {
        binder.forField(name).bind(Experiment::getName, Experiment::setName);
        binder.forField(dataset).bind(Experiment::getDataset, Experiment::setDataset);
        binder.forField(baseModel).bind(Experiment::getBaseModel, Experiment::setBaseModel);
        binder.forField(subsetTrain).bind(Experiment::getSubsetTrain, Experiment::setSubsetTrain);
        binder.forField(subsetValidation).bind(Experiment::getSubsetValidation, Experiment::setSubsetValidation);
        binder.forField(subsetTest).bind(Experiment::getSubsetTest, Experiment::setSubsetTest);
        binder.forField(device).bind(Experiment::getDevice, Experiment::setDevice);
        binder.forField(tags).bind(Experiment::getTags, Experiment::setTags);
        binder.forField(notes).bind(Experiment::getNotes, Experiment::setNotes);
    }

    private void showTask(String datasetName) {
        DatasetInfo info = datasetName == null ? null : datasets.get(datasetName);
        if (info == null) {
            task.setText("");
            return;
        }
        String labels = info.task() == TaskType.REGRESSION ? "a numeric target"
                : info.numLabels() + " classes: " + String.join(", ", info.labelNames());
        task.setText("Task: " + (info.task() == TaskType.REGRESSION ? "regression" : "classification") + ", "
                + labels + (info.hasTextPair() ? ", text pairs" : ""));
    }

    /** A combo box holds only values among its items: a typed one joins them. */
    private static void allowValue(ComboBox<String> box, List<String> choices, String value) {
        if (value != null && !value.isBlank() && !choices.contains(value)) {
            choices.add(value);
            box.setItems(choices);
        }
        box.setValue(value);
    }

    private static IntegerField subsetField(String label, String id) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setPlaceholder("whole split");
        field.setHelperText("A seeded, stratified subset; empty: the whole split.");
        field.setClearButtonVisible(true);
        return field;
    }
}
