package dev.bertlab.classify.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.bertlab.classify.ClassificationResult;
import java.util.Locale;

/**
 * A classification as a person reads it: the label, a bar per class, the latency, and a notice when the text was
 * cut. Ids: {@code <prefix>-label}, {@code -latency}, {@code -notice}, {@code -message}, {@code -probabilities}.
 */
class ClassificationOutput extends Div implements LiveClassification.Display {

    private final Span label = new Span("–");
    private final Span latency = new Span();
    private final Span notice = new Span();
    private final Span message = new Span();
    private final ProbabilityBars bars;

    ClassificationOutput(String idPrefix, boolean large) {
        bars = new ProbabilityBars(idPrefix + "-probabilities", large);
        label.setId(idPrefix + "-label");
        latency.setId(idPrefix + "-latency");
        notice.setId(idPrefix + "-notice");
        message.setId(idPrefix + "-message");
        setWidthFull();
        label.getStyle().set("font-size", large ? "4.5rem" : "var(--lumo-font-size-xxxl)").set("font-weight", "700")
                .set("line-height", "1.1").set("text-transform", "capitalize");
        latency.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap")
                .set("font-size", large ? "var(--lumo-font-size-m)" : "var(--lumo-font-size-s)");
        notice.getStyle().set("color", "var(--lumo-warning-text-color, #a15c00)").set("display", "block")
                .set("font-size", "var(--lumo-font-size-s)").set("margin", "var(--lumo-space-s) 0");
        message.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                .set("margin", "var(--lumo-space-s) 0");
        HorizontalLayout head = new HorizontalLayout(label, latency);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWidthFull();
        head.setWrap(true);
        add(head, bars, notice, message);
        notice.setVisible(false);
    }

    @Override
    public void working() {
        latency.setText("classifying…");
    }

    @Override
    public void show(String text, ClassificationResult result) {
        ClassificationResult.TextResult one = result.texts().get(0);
        label.setText(one.label());
        label.getStyle().set("color", ProbabilityBars.colorOf(one.label()));
        latency.setText(String.format(Locale.ROOT, "%.0f ms · %d tokens", result.millis(), one.tokens()));
        bars.show(one.probabilities(), one.label());
        notice.setText(one.notice() == null ? "" : one.notice());
        notice.setVisible(one.notice() != null);
        message.setText("");
    }

    @Override
    public void problem(String text) {
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        message.setText(text);
        latency.setText("");
    }

    /** A hint instead of a result (nothing typed yet, an empty text). */
    void hint(String text) {
        label.setText("–");
        label.getStyle().set("color", "var(--lumo-disabled-text-color)");
        latency.setText("");
        bars.clear();
        notice.setVisible(false);
        message.getStyle().set("color", "var(--lumo-secondary-text-color)");
        message.setText(text);
    }
}
