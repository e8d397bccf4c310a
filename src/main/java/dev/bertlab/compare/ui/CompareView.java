package dev.bertlab.compare.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.bertlab.compare.ComparedRun;
import dev.bertlab.compare.ComparisonService;
import dev.bertlab.compare.DifferenceService;
import dev.bertlab.compare.HyperparameterRow;
import dev.bertlab.compare.MetricHistory;
import dev.bertlab.compare.MetricRow;
import dev.bertlab.compare.RunChoice;
import dev.bertlab.compare.RunComparison;
import dev.bertlab.web.chart.EChart;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two or more finished runs side by side: hyperparameters (the differing ones highlighted), final metrics with
 * deltas against the first run, best and last values, overlaid curves and confusion matrices. The URL holds the run
 * ids ({@code compare?runs=3,7}), so a comparison can be shared.
 */
@Route("compare")
@PageTitle("Compare runs | BertLab")
@PermitAll
@CssImport("./compare-view.css")
public class CompareView extends VerticalLayout implements BeforeEnterObserver {

    private final ComparisonService comparisons;
    private final DifferenceService differences;
    private final SignificancePanel significance = new SignificancePanel();
    private final MultiSelectComboBox<RunChoice> picker = new MultiSelectComboBox<>("Runs");
    private final Paragraph hint = new Paragraph();
    private final Checkbox showAll = new Checkbox("Show all hyperparameters");
    private final Grid<HyperparameterRow> hyperparameters = new Grid<>();
    private final Grid<MetricRow> metrics = new Grid<>();
    private final Grid<MetricHistory> bestAndLast = new Grid<>();
    private final EChart trainingLoss = chart("compare-training-loss");
    private final EChart validationLoss = chart("compare-validation-loss");
    private final EChart validationAccuracy = chart("compare-validation-accuracy");
    private final HorizontalLayout confusionMatrices = new HorizontalLayout();
    private final VerticalLayout results = new VerticalLayout();

    private List<RunChoice> choices = List.of();
    private RunComparison comparison;

    public CompareView(ComparisonService comparisons, DifferenceService differences) {
        this.comparisons = comparisons;
        this.differences = differences;
        setMaxWidth("1400px");
        add(new H2("Compare runs"));
        configurePicker();
        add(picker, hint);
        configureGrids();
        add(results());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        choices = comparisons.finishedRuns();
        picker.setItems(choices);
        List<String> requested = event.getLocation().getQueryParameters().getParameters().getOrDefault("runs",
                List.of());
        Set<Long> ids = new LinkedHashSet<>();
        requested.forEach(value -> parseIds(value, ids));
        List<RunChoice> selected = new ArrayList<>();
        for (Long id : ids) {
            selected.add(choices.stream().filter(c -> c.id() == id).findFirst()
                    .orElse(new RunChoice(id, "#" + id + " (not finished)")));
        }
        picker.setValue(new LinkedHashSet<>(selected));
        show(ids.stream().toList());
    }

    private static void parseIds(String value, Set<Long> ids) {
        for (String part : value.split(",")) {
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                // a damaged shared link: the runs that can be read are still compared
            }
        }
    }

    private void configurePicker() {
        picker.setId("compare-runs");
        picker.setWidthFull();
        picker.setItemLabelGenerator(RunChoice::label);
        picker.setPlaceholder("Pick two or more finished runs");
        picker.addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            List<Long> ids = event.getValue().stream().map(RunChoice::id).sorted().toList();
            String query = ids.isEmpty() ? "compare" : "compare?runs=" + ids.stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, query));
            show(ids);
        });
        hint.setId("compare-hint");
    }

    private void configureGrids() {
        hyperparameters.setId("compare-grid");
        hyperparameters.addThemeVariants(GridVariant.LUMO_COMPACT);
        hyperparameters.setAllRowsVisible(true);
        hyperparameters.setPartNameGenerator(row -> row.differs() ? "differs" : null);
        showAll.setId("show-all-hyperparameters");
        showAll.addValueChangeListener(event -> fillHyperparameters());
        metrics.setId("compare-metrics");
        metrics.addThemeVariants(GridVariant.LUMO_COMPACT);
        metrics.setAllRowsVisible(true);
        bestAndLast.setId("compare-best-last");
        bestAndLast.addThemeVariants(GridVariant.LUMO_COMPACT);
        bestAndLast.setAllRowsVisible(true);
        confusionMatrices.setId("compare-confusion");
        confusionMatrices.setWidthFull();
        confusionMatrices.getStyle().set("flex-wrap", "wrap");
    }

    private Component results() {
        results.setPadding(false);
        HorizontalLayout curves = new HorizontalLayout(trainingLoss, validationLoss, validationAccuracy);
        curves.setWidthFull();
        curves.getStyle().set("flex-wrap", "wrap");
        results.add(new H3("Hyperparameters"), showAll, hyperparameters,
                new H3("Metrics"), new Paragraph("Final validation and test metrics; in brackets the difference to "
                        + "the first run, green where it is better."), metrics,
                new H3("Is the difference real?"), significance,
                new H3("Best and last during training"), bestAndLast,
                new H3("Curves"), curves,
                new H3("Confusion matrices (test)"), confusionMatrices);
        results.setVisible(false);
        return results;
    }

    private void show(List<Long> ids) {
        if (ids.size() < 2) {
            hint.setText("Pick two or more finished runs to compare them.");
            results.setVisible(false);
            return;
        }
        comparison = comparisons.compare(ids);
        List<Long> missing = ids.stream().filter(id -> comparison.runs().stream()
                .noneMatch(run -> run.run().getId().equals(id))).toList();
        String problems = comparison.runs().stream().filter(run -> run.problem() != null)
                .map(run -> run.label() + ": " + run.problem()).collect(Collectors.joining("; "));
        hint.setText((missing.isEmpty() ? "" : "No run " + missing + ". ") + problems);
        if (comparison.runs().size() < 2) {
            hint.setText(hint.getText() + " Pick two or more finished runs to compare them.");
            results.setVisible(false);
            return;
        }
        results.setVisible(true);
        fillHyperparameters();
        fillMetrics();
        fillBestAndLast();
        significance.show(differences.againstFirst(comparison), differences.seedGroups(comparison));
        drawCurves();
        drawConfusionMatrices();
    }

    private void fillHyperparameters() {
        if (comparison == null) {
            return;
        }
        hyperparameters.removeAllColumns();
        hyperparameters.addColumn(HyperparameterRow::key).setHeader("Hyperparameter").setAutoWidth(true)
                .setFlexGrow(0);
        List<ComparedRun> runs = comparison.runs();
        for (int i = 0; i < runs.size(); i++) {
            int index = i;
            hyperparameters.addColumn(row -> row.values().get(index).isEmpty() ? "none" : row.values().get(index)).setHeader(runHeader(runs.get(i)));
        }
        List<HyperparameterRow> rows = showAll.getValue() ? comparison.hyperparameters()
                : comparison.hyperparameters().stream().filter(HyperparameterRow::differs).toList();
        hyperparameters.setItems(rows);
        hyperparameters.setEmptyStateText("The runs share every hyperparameter.");
    }

    private void fillMetrics() {
        metrics.removeAllColumns();
        metrics.addColumn(MetricRow::split).setHeader("Split").setAutoWidth(true).setFlexGrow(0);
        metrics.addColumn(MetricRow::metric).setHeader("Metric").setAutoWidth(true).setFlexGrow(0);
        List<ComparedRun> runs = comparison.runs();
        for (int i = 0; i < runs.size(); i++) {
            int index = i;
            metrics.addComponentColumn(row -> metricCell(row, index)).setHeader(runHeader(runs.get(i)))
                    .setTextAlign(ColumnTextAlign.END);
        }
        metrics.setItems(comparison.metrics());
        metrics.setEmptyStateText("These runs recorded no final metrics.");
    }

    private static Component metricCell(MetricRow row, int index) {
        Double value = row.values().get(index);
        Span cell = new Span(format(value));
        Double delta = index == 0 ? null : row.delta(index);
        if (delta != null) {
            Span change = new Span(String.format(Locale.ROOT, " (%+.4f)", delta));
            boolean better = row.higherIsBetter() ? delta > 0 : delta < 0;
            change.getStyle().set("color", delta == 0 ? "var(--lumo-secondary-text-color)" : better
                    ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            cell.add(change);
        }
        return cell;
    }

    private void fillBestAndLast() {
        bestAndLast.removeAllColumns();
        bestAndLast.addColumn(MetricHistory::metric).setHeader("Metric").setAutoWidth(true).setFlexGrow(0);
        List<ComparedRun> runs = comparison.runs();
        for (int i = 0; i < runs.size(); i++) {
            int index = i;
            bestAndLast.addColumn(history -> format(history.best().get(index)) + " / "
                            + format(history.last().get(index))).setHeader(runs.get(i).label() + ": best / last")
                    .setTextAlign(ColumnTextAlign.END);
        }
        bestAndLast.setItems(comparison.histories());
    }

    private void drawCurves() {
        trainingLoss.setOption(ComparisonCharts.curves("Training loss", "loss",
                curves(run -> run.log().trainCurve("loss"))));
        validationLoss.setOption(ComparisonCharts.curves("Validation loss", "loss",
                curves(run -> run.log().evalCurve("loss"))));
        validationAccuracy.setOption(ComparisonCharts.curves("Validation accuracy", "accuracy",
                curves(run -> run.log().evalCurve("accuracy"))));
    }

    private List<ComparisonCharts.Curve> curves(Function<ComparedRun, List<double[]>> curve) {
        return comparison.runs().stream().map(run -> new ComparisonCharts.Curve(run.label(), curve.apply(run)))
                .toList();
    }

    private void drawConfusionMatrices() {
        confusionMatrices.removeAll();
        for (ComparedRun run : comparison.runs()) {
            if (run.testMetrics() == null) {
                Div none = new Div(new Span(run.label() + ": no confusion matrix (no classification test metrics)"));
                none.getStyle().set("color", "var(--lumo-secondary-text-color)");
                confusionMatrices.add(none);
                continue;
            }
            EChart chart = new EChart();
            chart.setId("confusion-" + run.run().getId());
            int classes = run.testMetrics().labels().size();
            int size = Math.max(300, 80 + 60 * classes);
            chart.setWidth(size + "px");
            chart.setHeight(size + "px");
            chart.setOption(ComparisonCharts.confusion(run.label(), run.testMetrics().labels(),
                    run.testMetrics().confusionMatrix()));
            confusionMatrices.add(chart);
        }
    }

    private static Component runHeader(ComparedRun run) {
        Anchor link = new Anchor("runs/" + run.run().getId(), run.label());
        link.getElement().setAttribute("title", run.run().getStatus().name());
        return link;
    }

    private static String format(Double value) {
        if (value == null) {
            return "–";
        }
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static EChart chart(String id) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setWidth(null);
        chart.setHeight("300px");
        chart.getStyle().set("flex", "1 1 380px").set("min-width", "320px");
        return chart;
    }
}
