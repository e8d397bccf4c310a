package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.dataset.DatasetService;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.InvalidHyperparametersException;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.ExperimentStage;
import dev.bertlab.experiment.InvalidExperimentException;
import dev.bertlab.security.Role;
import dev.bertlab.web.UserMessages;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Creates, edits, clones and refines experiments (EDITORs only). One form for all four: a refinement adds the
 * required note of what changed and why, and the stage it reaches.
 */
@Route("experiments/new")
@RouteAlias("experiments/:id([0-9]+)/edit")
@RouteAlias("experiments/:id([0-9]+)/clone")
@RouteAlias("experiments/:id([0-9]+)/refine")
@RolesAllowed(Role.Names.EDITOR)
public class ExperimentEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** What the form is doing, from the route. */
    private enum Mode { NEW, EDIT, CLONE, REFINE }

    private final ExperimentService experiments;
    private final AuthenticationContext authentication;
    private final H2 title = new H2();
    private final Paragraph context = new Paragraph();
    private final ExperimentSettingsForm settings;
    private final HyperparameterFieldSet hyperparameters = new HyperparameterFieldSet();
    private final VerticalLayout refinement = new VerticalLayout();
    private final TextArea changeNote = new TextArea("What changed and why");
    private final Select<ExperimentStage> stage = new Select<>();
    private final Button save = new Button("Save");

    private Mode mode = Mode.NEW;
    private Experiment editing;
    private Experiment parent;

    public ExperimentEditorView(ExperimentService experiments, DatasetService datasets,
            AuthenticationContext authentication) {
        this.experiments = experiments;
        this.authentication = authentication;
        this.settings = new ExperimentSettingsForm(datasets.list(),
                experiments.baseModels().stream().map(status -> status.model().name()).toList());
        setMaxWidth("1100px");
        add(title, context);
        add(refinementSection());
        add(settings);
        add(new H3("Hyperparameters"), hyperparameters);
        add(buttons());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("id").map(Long::valueOf);
        List<String> segments = event.getLocation().getSegments();
        String action = segments.get(segments.size() - 1);
        mode = switch (action) {
            case "edit" -> Mode.EDIT;
            case "clone" -> Mode.CLONE;
            case "refine" -> Mode.REFINE;
            default -> Mode.NEW;
        };
        if (id.isPresent() && experiments.find(id.get()).isEmpty()) {
            UserMessages.error("There is no experiment " + id.get());
            event.forwardTo(ExperimentListView.class);
            return;
        }
        switch (mode) {
            case NEW -> startNew();
            case EDIT -> startEdit(id.orElseThrow());
            case CLONE -> startClone(id.orElseThrow());
            case REFINE -> startRefine(id.orElseThrow());
        }
        settings.read(editing);
        hyperparameters.setValues(editing.getHyperparameters());
    }

    @Override
    public String getPageTitle() {
        return title.getText() + " | BertLab";
    }

    private void startNew() {
        editing = new Experiment();
        editing.setBaseModel("all-MiniLM-L6-v2");
        editing.setDataset("imdb");
        title.setText("New experiment");
        context.setText("Every hyperparameter starts at Hugging Face Trainer's default.");
        refinement.setVisible(false);
    }

    private void startEdit(long id) {
        editing = experiments.get(id);
        title.setText("Edit " + editing.getName());
        context.setText("Runs keep the settings they started with; changes apply to the next run.");
        refinement.setVisible(false);
    }

    private void startClone(long id) {
        editing = experiments.cloneOf(id);
        title.setText("Clone of " + experiments.get(id).getName());
        context.setText("A new, independent experiment with the same settings.");
        refinement.setVisible(false);
    }

    private void startRefine(long id) {
        parent = experiments.get(id);
        editing = parent.copy();
        editing.setName(parent.getName() + " (refined)");
        title.setText("Refine " + parent.getName());
        context.setText("A child of \"" + parent.getName() + "\": change what the last run suggested and say why. "
                + "The two can then be compared side by side.");
        refinement.setVisible(true);
        stage.setValue(ExperimentStage.REFINED);
        changeNote.clear();
    }

    private VerticalLayout refinementSection() {
        changeNote.setId("refine-note");
        changeNote.setWidthFull();
        changeNote.setMinHeight("5em");
        changeNote.setRequiredIndicatorVisible(true);
        changeNote.setHelperText("Required. E.g. \"validation loss rose after epoch 1: classifier dropout 0.1 -> 0.3\"");
        changeNote.addValueChangeListener(event -> changeNote.setInvalid(false));
        stage.setId("refine-stage");
        stage.setLabel("Stage");
        stage.setItems(ExperimentStage.DEBUGGED, ExperimentStage.REFINED);
        stage.setItemLabelGenerator(s -> s == ExperimentStage.DEBUGGED ? "debugged (fixes a diagnosed problem)"
                : "refined (improves a working setup)");
        refinement.setPadding(false);
        refinement.add(stage, changeNote);
        return refinement;
    }

    private HorizontalLayout buttons() {
        save.setId("save-experiment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button cancel = new Button("Cancel", click -> leave(editing.getId() != null ? editing.getId()
                : parent != null ? parent.getId() : null));
        cancel.setId("cancel-experiment");
        return new HorizontalLayout(save, cancel);
    }

    /** Validates everything at once, shows each problem on its field, and stores only a valid experiment. */
    private void save() {
        hyperparameters.clearProblems();
        boolean fieldsReadable = settings.write(editing);
        Map<String, String> hyperparameterProblems = Map.of();
        try {
            Hyperparameters values = hyperparameters.read();
            editing.setHyperparameters(values);
        } catch (InvalidHyperparametersException e) {
            hyperparameterProblems = e.problems();
        }
        Map<String, String> problems = new LinkedHashMap<>(experiments.problems(editing));
        if (mode == Mode.REFINE && changeNote.getValue().isBlank()) {
            problems.put("changeNote", "say what changed and why");
        }
        int count = problems.size() + hyperparameterProblems.size() + (fieldsReadable ? 0 : 1);
        if (count > 0) {
            Optional<Component> first = showProblems(problems);
            Optional<Component> firstHyperparameter = hyperparameters.showProblems(hyperparameterProblems);
            first.or(() -> firstHyperparameter).ifPresent(Component::scrollIntoView);
            UserMessages.error("Nothing saved: " + count + (count == 1 ? " problem" : " problems")
                    + " to fix (marked on the fields)");
            return;
        }
        store();
    }

    private void store() {
        String user = authentication.getPrincipalName().orElse("unknown");
        try {
            Experiment saved = mode == Mode.REFINE
                    ? experiments.refine(parent.getId(), editing, changeNote.getValue(), stage.getValue(), user)
                    : experiments.save(editing, user);
            UserMessages.success("Saved " + saved.getName());
            leave(saved.getId());
        } catch (InvalidExperimentException e) {
            showProblems(e.problems());
            UserMessages.error("Nothing saved: " + e.getMessage());
        } catch (AccessDeniedException e) {
            UserMessages.error("Only editors can save experiments");
        }
    }

    /** Marks the general fields and the change note; returns the first marked one in page order. */
    private Optional<Component> showProblems(Map<String, String> problems) {
        Optional<Component> first = settings.showProblems(problems);
        if (problems.containsKey("changeNote")) {
            changeNote.setErrorMessage(problems.get("changeNote"));
            changeNote.setInvalid(true);
            return Optional.of(changeNote);
        }
        return first;
    }

    private void leave(Long experimentId) {
        if (experimentId == null) {
            getUI().ifPresent(ui -> ui.navigate(ExperimentListView.class));
        } else {
            getUI().ifPresent(ui -> ui.navigate(ExperimentDetailView.class,
                    new RouteParameters("id", experimentId.toString())));
        }
    }
}
