package dev.bertlab.run.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.SortDirection;
import dev.bertlab.run.MisclassifiedExample;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The test examples the model got wrong, most confident first; sort by confidence either way. */
class MisclassifiedGrid extends Grid<MisclassifiedExample> {

    MisclassifiedGrid() {
        setId("misclassified");
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        addColumn(MisclassifiedExample::text).setHeader("Text").setFlexGrow(6);
        addColumn(MisclassifiedExample::gold).setHeader("Gold").setWidth("9em").setFlexGrow(0).setSortable(true);
        addColumn(MisclassifiedExample::predicted).setHeader("Predicted").setWidth("9em").setFlexGrow(0)
                .setSortable(true);
        Column<MisclassifiedExample> confidence = addColumn(
                example -> String.format(Locale.ROOT, "%.3f", example.confidence()))
                .setHeader("Confidence").setKey("confidence").setWidth("9em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparingDouble(MisclassifiedExample::confidence));
        sort(List.of(new GridSortOrder<>(confidence, SortDirection.DESCENDING)));
        setEmptyStateText("No misclassified examples.");
    }

    void show(List<MisclassifiedExample> examples) {
        // a short list shows whole; a long one scrolls inside the page
        setAllRowsVisible(examples.size() <= 15);
        if (examples.size() > 15) {
            setHeight("520px");
        }
        setItems(examples);
    }
}
