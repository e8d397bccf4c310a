package dev.bertlab.run.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisKind;
import dev.bertlab.engine.diagnose.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The debugging assistant's findings on a run, one card each: what, the evidence with its values and step, the
 * remedy, the examples to look at, and for editors a button that creates the debugged experiment.
 */
class DiagnosesPanel extends VerticalLayout {

    private static final int EXAMPLES_SHOWN = 8;

    private final Paragraph none = new Paragraph("No problems found so far: the curves and the data look healthy.");
    private final List<Diagnosis> shown = new ArrayList<>();
    private Consumer<DiagnosisKind> applyFix;

    DiagnosesPanel() {
        setId("diagnoses");
        setPadding(false);
        none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        add(none);
    }

    /** Editors get an "Apply fix" button on each diagnosis whose remedy changes settings. */
    void onApplyFix(Consumer<DiagnosisKind> applyFix) {
        this.applyFix = applyFix;
    }

    void show(List<Diagnosis> diagnoses) {
        shown.clear();
        removeAll();
        add(none);
        none.setVisible(true);
        diagnoses.forEach(this::add);
    }

    void add(Diagnosis diagnosis) {
        if (shown.stream().anyMatch(d -> d.kind() == diagnosis.kind())) {
            return;
        }
        shown.add(diagnosis);
        none.setVisible(false);
        add(card(diagnosis));
    }

    private Div card(Diagnosis diagnosis) {
        Div card = new Div();
        card.addClassName("diagnosis");
        card.getElement().setAttribute("data-kind", diagnosis.kind().name());
        boolean problem = diagnosis.severity() == Severity.PROBLEM;
        card.getStyle().set("border-left", "4px solid " + (problem ? "var(--lumo-error-color)"
                : "var(--lumo-warning-color, #e8a300)")).set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("width", "100%").set("box-sizing", "border-box");
        Span badge = new Span(problem ? "problem" : "warning");
        badge.getElement().getThemeList().add(problem ? "badge error" : "badge contrast");
        Span title = new Span(diagnosis.title() + (diagnosis.step() == null ? " (data)" : " (step " + diagnosis.step()
                + ")"));
        title.getStyle().set("font-weight", "600").set("margin-left", "var(--lumo-space-s)");
        Div head = new Div(badge, title);
        Paragraph evidence = line(diagnosis.evidence().sentence());
        String advice = diagnosis.remedy().advice().strip();
        Paragraph remedy = line("Remedy: " + advice + (advice.endsWith(".") ? "" : ".")
                + (diagnosis.remedy().changes().isEmpty() ? "" : " Settings: " + diagnosis.remedy().changesText() + "."));
        remedy.addClassName("remedy");
        card.add(head, evidence, remedy);
        if (!diagnosis.exampleIds().isEmpty()) {
            List<String> ids = diagnosis.exampleIds();
            card.add(line("Examples to review: " + String.join(", ", ids.subList(0, Math.min(EXAMPLES_SHOWN,
                    ids.size()))) + (ids.size() > EXAMPLES_SHOWN ? " and " + (ids.size() - EXAMPLES_SHOWN) + " more"
                    : "")));
        }
        if (applyFix != null && !diagnosis.remedy().changes().isEmpty()) {
            Button apply = new Button("Apply fix", VaadinIcon.WRENCH.create(),
                    click -> applyFix.accept(diagnosis.kind()));
            apply.setId("apply-fix-" + diagnosis.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            apply.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            apply.setTooltipText("Creates a debugged child experiment with these settings and this diagnosis as its "
                    + "reason");
            card.add(apply);
        }
        return card;
    }

    private static Paragraph line(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.getStyle().set("margin", "var(--lumo-space-xs) 0");
        return paragraph;
    }
}
