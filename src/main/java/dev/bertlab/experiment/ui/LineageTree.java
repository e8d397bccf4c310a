package dev.bertlab.experiment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.Lineage;

/**
 * A family of experiments as a small tree: each refinement under its parent, with its stage and the note of what
 * changed; the experiment being viewed is marked.
 */
class LineageTree extends Div {

    LineageTree(Lineage family, long current) {
        setId("experiment-lineage");
        UnorderedList root = new UnorderedList(node(family, current));
        root.getStyle().set("margin", "0").set("padding-left", "1.2em");
        add(root);
    }

    private ListItem node(Lineage lineage, long current) {
        Experiment experiment = lineage.experiment();
        ListItem item = new ListItem();
        item.getStyle().set("margin", "var(--lumo-space-xs) 0");
        if (experiment.getId() == current) {
            Span self = new Span(experiment.getName() + " (this experiment)");
            self.getStyle().set("font-weight", "600");
            item.add(self);
        } else {
            RouterLink link = new RouterLink(experiment.getName(), ExperimentDetailView.class,
                    new RouteParameters("id", experiment.getId().toString()));
            link.addClassName("lineage-link");
            item.add(link);
        }
        StageBadge badge = new StageBadge(experiment.getStage());
        badge.getStyle().set("margin-left", "var(--lumo-space-s)");
        item.add(badge);
        if (experiment.getChangeNote() != null) {
            Div note = new Div("changed: " + experiment.getChangeNote());
            note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size",
                    "var(--lumo-font-size-s)").set("white-space", "pre-wrap");
            item.add(note);
        }
        if (!lineage.children().isEmpty()) {
            UnorderedList children = new UnorderedList();
            children.getStyle().set("padding-left", "1.2em").set("border-left",
                    "2px solid var(--lumo-contrast-20pct)");
            lineage.children().forEach(child -> children.add(node(child, current)));
            item.add(children);
        }
        return item;
    }
}
