package dev.bertlab.compare.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.bertlab.compare.DifferenceService;
import dev.bertlab.engine.significance.BootstrapDifference;
import dev.bertlab.engine.significance.McNemarResult;
import dev.bertlab.engine.significance.RunDifference;
import dev.bertlab.engine.significance.SeedSummary;
import java.util.List;
import java.util.Locale;

/**
 * "Is the difference real?": for each run against the first, the verdict in a sentence (green when significant),
 * the bootstrap intervals of the accuracy and F1 differences and McNemar's counts; then the spread over seeds.
 */
class SignificancePanel extends VerticalLayout {

    SignificancePanel() {
        setId("compare-significance");
        setPadding(false);
        setSpacing(false);
    }

    void show(List<DifferenceService.Against> differences, List<DifferenceService.SeedGroup> seedGroups) {
        removeAll();
        for (DifferenceService.Against against : differences) {
            add(against.difference() == null
                    ? note(against.other().label() + " against " + against.baseline().label() + ": cannot say ("
                            + against.problem() + ").")
                    : difference(against.difference()));
        }
        for (DifferenceService.SeedGroup group : seedGroups) {
            add(seeds(group));
        }
        if (differences.isEmpty() && seedGroups.isEmpty()) {
            add(note("Pick two runs evaluated on the same test set."));
        }
    }

    private static Div difference(RunDifference difference) {
        Div block = new Div();
        block.addClassName("significance");
        Paragraph verdict = new Paragraph(difference.plainVerdict());
        verdict.addClassName("significance-verdict");
        verdict.getElement().setAttribute("data-significance", difference.significance().name());
        verdict.getStyle().set("font-weight", "600").set("margin", "var(--lumo-space-s) 0 0 0").set("color",
                switch (difference.significance()) {
                    case SIGNIFICANT -> "var(--lumo-success-text-color)";
                    case BORDERLINE -> "var(--lumo-warning-text-color, #8a6d00)";
                    case NOT_SIGNIFICANT -> "var(--lumo-secondary-text-color)";
                });
        McNemarResult mcNemar = difference.mcNemar();
        block.add(verdict,
                detail(interval(difference.bootstrap().accuracy()) + "; " + interval(difference.bootstrap().f1())
                        + String.format(Locale.ROOT, " (paired bootstrap, %d resamples of %d test examples).",
                                difference.bootstrap().resamples(), difference.bootstrap().examples())),
                detail(String.format(Locale.ROOT, "McNemar (%s): only %s right %d, only %s right %d, both right %d, "
                                + "both wrong %d; p = %.4f.", mcNemar.method().name().toLowerCase(Locale.ROOT)
                                .replace('_', ' '), difference.runA(), mcNemar.onlyARight(), difference.runB(),
                        mcNemar.onlyBRight(), mcNemar.bothRight(), mcNemar.bothWrong(), mcNemar.pValue())));
        return block;
    }

    private static String interval(BootstrapDifference difference) {
        return String.format(Locale.ROOT, "%s %.4f -> %.4f, difference %+.4f, 95%% CI [%+.4f, %+.4f]",
                difference.metric(), difference.scoreA(), difference.scoreB(), difference.difference(),
                difference.lower(), difference.upper());
    }

    private static Div seeds(DifferenceService.SeedGroup group) {
        Div block = new Div();
        block.addClassName("seed-group");
        block.add(new Paragraph(String.join(", ", group.runs()) + " differ only in their seed:"));
        group.metrics().forEach((metric, summary) -> block.add(detail(metric + " " + seedText(summary))));
        return block;
    }

    private static String seedText(SeedSummary summary) {
        return summary.standardDeviation() == null ? String.format(Locale.ROOT, "%.4f", summary.mean())
                : String.format(Locale.ROOT, "%.4f ± %.4f (mean ± sd over %d seeds; range %.4f to %.4f)",
                        summary.mean(), summary.standardDeviation(), summary.runs(), summary.min(), summary.max());
    }

    private static Span detail(String text) {
        Span span = new Span(text);
        span.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        return span;
    }

    private static Paragraph note(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return paragraph;
    }
}
