package dev.bertlab.run.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.bertlab.run.TrainingRun;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The finished model's metrics, validation beside test. */
class FinalMetricsGrid extends Grid<FinalMetricsGrid.Row> {

    record Row(String metric, Double validation, Double test) {
    }

    FinalMetricsGrid() {
        setId("final-metrics");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setWidth("36em");
        addColumn(Row::metric).setHeader("Metric");
        addColumn(row -> TimeText.metric(row.validation())).setHeader("Validation");
        addColumn(row -> TimeText.metric(row.test())).setHeader("Test");
    }

    void show(TrainingRun run) {
        Set<String> names = new LinkedHashSet<>(run.getTestMetrics().keySet());
        names.addAll(run.getValidationMetrics().keySet());
        List<Row> rows = new ArrayList<>();
        names.forEach(name -> rows.add(new Row(name.replace('_', ' '), run.getValidationMetrics().get(name),
                run.getTestMetrics().get(name))));
        setItems(rows);
    }
}
