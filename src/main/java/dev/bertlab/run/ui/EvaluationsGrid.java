package dev.bertlab.run.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One row per evaluation on the validation split (per epoch, or every eval_steps). */
class EvaluationsGrid extends Grid<Map<String, Double>> {

    private static final List<String> METRICS = List.of("loss", "accuracy", "f1", "f1_macro", "roc_auc", "mse", "r2");
    private final List<Map<String, Double>> rows = new ArrayList<>();

    EvaluationsGrid() {
        setId("evaluations");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(row -> number(row.get("step"), "%.0f")).setHeader("Step");
        addColumn(row -> number(row.get("epoch"), "%.2f")).setHeader("Epoch");
        for (String metric : METRICS) {
            addColumn(row -> number(row.get("eval_" + metric), "%.4f")).setHeader(metric.replace('_', ' '))
                    .setKey(metric).setVisible(false);
        }
        addColumn(row -> Double.valueOf(1.0).equals(row.get("best")) ? "best so far" : "").setHeader("");
        setEmptyStateText("No evaluation yet (or eval_strategy NO).");
    }

    void show(List<Map<String, Double>> evaluations) {
        rows.clear();
        rows.addAll(evaluations);
        refresh();
    }

    void append(TrainingEvents.Evaluated evaluation) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("step", (double) evaluation.step());
        row.put("epoch", evaluation.epoch());
        evaluation.metrics().forEach((name, value) -> row.put("eval_" + name, value));
        row.put("best", evaluation.best() ? 1.0 : 0.0);
        rows.add(row);
        refresh();
    }

    private void refresh() {
        for (String metric : METRICS) {
            getColumnByKey(metric).setVisible(rows.stream().anyMatch(row -> row.containsKey("eval_" + metric)));
        }
        setItems(rows);
    }

    private static String number(Double value, String format) {
        return value == null || !Double.isFinite(value) ? "" : String.format(Locale.ROOT, format, value);
    }
}
