package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.dataset.DatasetService;
import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.experiment.ExperimentFilter;
import dev.bertlab.experiment.ExperimentOverview;
import dev.bertlab.experiment.ExperimentOverviews;
import dev.bertlab.experiment.ExperimentRuns;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** All experiments, searchable and filtered; editors create, edit, clone, refine and run them from here. */
@Route("experiments")
@PageTitle("Experiments | BertLab")
@PermitAll
public class ExperimentListView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ExperimentOverviews overviews;
    private final ExperimentRuns runs;
    private final AuthenticationContext authentication;
    private final boolean editor;

    private final Grid<ExperimentOverview> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<String> tag = new ComboBox<>("Tag");
    private final Select<String> status = new Select<>();
    private final ComboBox<String> dataset = new ComboBox<>("Dataset");
    private final ComboBox<String> model = new ComboBox<>("Base model");

    public ExperimentListView(ExperimentOverviews overviews, ExperimentService experiments, DatasetService datasets,
            ExperimentRuns runs, AuthenticationContext authentication) {
        this.overviews = overviews;
        this.runs = runs;
        this.authentication = authentication;
        this.editor = authentication.hasRole(Role.Names.EDITOR);
        setSizeFull();
        add(header());
        add(filters(datasets, experiments));
        configureGrid();
        add(grid);
        refresh();
    }

    private Component header() {
        H2 title = new H2("Experiments");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        if (editor) {
            Button create = new Button("New experiment", VaadinIcon.PLUS.create(),
                    click -> getUI().ifPresent(ui -> ui.navigate(ExperimentEditorView.class)));
            create.setId("new-experiment");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.getStyle().set("margin-left", "auto");
            header.add(create);
        }
        return header;
    }

    private Component filters(DatasetService datasets, ExperimentService experiments) {
        search.setId("experiment-search");
        search.setLabel("Search");
        search.setPlaceholder("name or notes");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        tag.setId("filter-tag");
        tag.setItems(overviews.tags());
        tag.setClearButtonVisible(true);
        status.setId("filter-status");
        status.setLabel("Latest run");
        List<String> statuses = new ArrayList<>(List.of("", ExperimentFilter.NOT_RUN));
        statuses.addAll(runs.statuses());
        status.setItems(statuses);
        status.setItemLabelGenerator(value -> value.isEmpty() ? "any" : value.equals(ExperimentFilter.NOT_RUN)
                ? "not run" : value.toLowerCase(Locale.ROOT));
        status.setValue("");
        dataset.setId("filter-dataset");
        dataset.setItems(datasets.list().stream().map(DatasetInfo::name).toList());
        dataset.setClearButtonVisible(true);
        model.setId("filter-model");
        model.setItems(experiments.baseModels().stream().map(s -> s.model().name()).toList());
        model.setClearButtonVisible(true);
        search.addValueChangeListener(event -> refresh());
        tag.addValueChangeListener(event -> refresh());
        status.addValueChangeListener(event -> refresh());
        dataset.addValueChangeListener(event -> refresh());
        model.addValueChangeListener(event -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, tag, status, dataset, model);
        filters.setWidthFull();
        filters.setFlexGrow(1, search);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        return filters;
    }

    private void configureGrid() {
        grid.setId("experiments-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addComponentColumn(this::nameLink).setHeader("Name").setFlexGrow(3).setSortable(true)
                .setComparator(o -> o.experiment().getName().toLowerCase(Locale.ROOT));
        grid.addComponentColumn(o -> new StageBadge(o.experiment().getStage())).setHeader("Stage")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> o.experiment().getDataset()).setHeader("Dataset").setSortable(true).setAutoWidth(true);
        grid.addColumn(o -> o.experiment().getBaseModel()).setHeader("Model").setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(o -> new RunStatusBadge(o.latestRun().orElse(null))).setHeader("Latest run")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> o.testAccuracy().map(a -> String.format(Locale.ROOT, "%.3f", a)).orElse("–"))
                .setHeader("Test accuracy").setTextAlign(ColumnTextAlign.END).setSortable(true)
                .setComparator(o -> o.testAccuracy().orElse(-1.0)).setWidth("10em").setFlexGrow(0);
        grid.addColumn(o -> TIME.format(o.experiment().getUpdatedAt())).setHeader("Updated").setSortable(true)
                .setComparator(o -> o.experiment().getUpdatedAt()).setAutoWidth(true).setFlexGrow(0);
        if (editor) {
            grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText("No experiments match.");
    }

    private Component nameLink(ExperimentOverview overview) {
        RouterLink link = new RouterLink(overview.experiment().getName(), ExperimentDetailView.class,
                new RouteParameters("id", overview.experiment().getId().toString()));
        link.addClassName("experiment-link");
        return link;
    }

    private Component actions(ExperimentOverview overview) {
        long id = overview.experiment().getId();
        HorizontalLayout actions = new HorizontalLayout(
                iconButton(VaadinIcon.EDIT, "Edit", "edit", () -> ExperimentActions.edit(id)),
                iconButton(VaadinIcon.COPY, "Clone", "clone", () -> ExperimentActions.cloneOf(id)),
                iconButton(VaadinIcon.SPLIT, "Refine: a child with a note of what changed", "refine",
                        () -> ExperimentActions.refine(id)),
                iconButton(VaadinIcon.PLAY, "Run now", "run", () -> ExperimentActions.runNow(runs, authentication,
                        id)));
        actions.setSpacing(false);
        return actions;
    }

    private static Button iconButton(VaadinIcon icon, String tooltip, String action, Runnable onClick) {
        Button button = new Button(icon.create(), click -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setTooltipText(tooltip);
        button.getElement().setAttribute("aria-label", tooltip);
        button.addClassName("experiment-" + action);
        return button;
    }

    private void refresh() {
        grid.setItems(overviews.list(new ExperimentFilter(search.getValue(), tag.getValue(), status.getValue(),
                dataset.getValue(), model.getValue())));
    }
}
