package dev.bertlab.cluster.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.bertlab.cluster.ClusterService;
import dev.bertlab.cluster.NodeStatus;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;

/** The nodes that train runs: where they run, what each device slot trains now, and whether they are alive. */
@Route("workers")
@PageTitle("Workers · BertLab")
@PermitAll
public class WorkersView extends VerticalLayout {

    private static final int REFRESH_MILLIS = 5000;

    private final ClusterService cluster;
    private final Grid<NodeStatus> grid = new Grid<>();
    private Registration polling;

    public WorkersView(ClusterService cluster) {
        this.cluster = cluster;
        setSizeFull();
        add(new H2("Workers"), new Paragraph("Each node trains runs in worker processes, one per device slot. A node "
                + "says it is alive every few seconds; one that has not for three heartbeats is marked lost, and "
                + "its runs are recovered by another node or at its next start."));
        grid.setId("workers");
        grid.addColumn(NodeStatus::name).setHeader("Node").setAutoWidth(true);
        grid.addColumn(node -> node.host() + " (pid " + node.pid() + ")").setHeader("Host").setAutoWidth(true);
        grid.addComponentColumn(WorkersView::slots).setHeader("Slots").setFlexGrow(1);
        grid.addColumn(node -> ago(node.heartbeatAt())).setHeader("Last heartbeat").setAutoWidth(true);
        grid.addComponentColumn(WorkersView::state).setHeader("State").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_MILLIS);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void refresh() {
        grid.setItems(cluster.nodes());
    }

    private static Div slots(NodeStatus node) {
        Div cell = new Div();
        for (NodeStatus.Slot slot : node.slots()) {
            Div line = new Div();
            line.add(new Span(slot.name() + ": "));
            if (slot.runId() == null) {
                line.add(new Span("free"));
            } else {
                line.add(new Anchor("runs/" + slot.runId(), "run " + slot.runId()));
            }
            cell.add(line);
        }
        return cell;
    }

    private static Span state(NodeStatus node) {
        Span badge = new Span(node.state().name().toLowerCase());
        String tone = switch (node.state()) {
            case UP -> "success";
            case LOST -> "error";
            case STOPPED -> "contrast";
        };
        badge.getStyle().set("border-radius", "var(--lumo-border-radius-l)").set("padding", "0.15em 0.65em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("background", tone.equals("contrast") ? "var(--lumo-contrast-10pct)"
                        : "var(--lumo-" + tone + "-color-10pct)")
                .set("color", tone.equals("contrast") ? "var(--lumo-secondary-text-color)"
                        : "var(--lumo-" + tone + "-text-color)");
        badge.getElement().setAttribute("data-state", node.state().name());
        return badge;
    }

    static String ago(Instant instant) {
        long seconds = Math.max(0, Duration.between(instant, Instant.now()).toSeconds());
        return seconds < 90 ? seconds + " s ago" : seconds / 60 + " min ago";
    }
}
