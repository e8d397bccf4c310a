package dev.bertlab.classify.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import java.util.Locale;
import java.util.Map;

/** One bar per class with its probability; the most probable class's bar is highlighted. */
class ProbabilityBars extends Div {

    private final String idPrefix;
    private final boolean large;

    /**
     * @param idPrefix ids are {@code <prefix>-<label>} for each bar's row
     * @param large the demo page's size
     */
    ProbabilityBars(String idPrefix, boolean large) {
        this.idPrefix = idPrefix;
        this.large = large;
        setId(idPrefix);
        setWidthFull();
        getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr auto")
                .set("align-items", "center").set("column-gap", "var(--lumo-space-m)")
                .set("row-gap", large ? "var(--lumo-space-m)" : "var(--lumo-space-xs)");
    }

    void show(Map<String, Double> probabilities, String best) {
        removeAll();
        probabilities.forEach((label, probability) -> {
            Span name = new Span(label);
            name.getStyle().set("font-weight", label.equals(best) ? "600" : "400");
            ProgressBar bar = new ProgressBar(0, 1, probability);
            bar.setId(idPrefix + "-" + label);
            if (!label.equals(best)) {
                bar.addThemeVariants(ProgressBarVariant.LUMO_CONTRAST);
            }
            if (large) {
                bar.setHeight("14px");
                name.getStyle().set("font-size", "var(--lumo-font-size-xl)");
            }
            Span percent = new Span(String.format(Locale.ROOT, "%.1f %%", 100 * probability));
            percent.getStyle().set("text-align", "right").set("font-variant-numeric", "tabular-nums");
            if (large) {
                percent.getStyle().set("font-size", "var(--lumo-font-size-xl)");
            }
            add(name, bar, percent);
        });
    }

    /** A colour for a label: green for positive ones, red for negative ones, the primary colour otherwise. */
    static String colorOf(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        if (name.startsWith("neg") || name.equals("bad") || name.equals("spam")) {
            return "var(--lumo-error-text-color)";
        }
        if (name.startsWith("pos") || name.equals("good") || name.equals("ham")) {
            return "var(--lumo-success-text-color)";
        }
        return "var(--lumo-primary-text-color)";
    }

    void clear() {
        removeAll();
    }
}
