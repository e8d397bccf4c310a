package dev.bertlab.sweep.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.sweep.SearchSpace;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.ui.StatusBadge;
import dev.bertlab.sweep.SearchSpaceText;
import dev.bertlab.sweep.Sweep;
import dev.bertlab.sweep.SweepService;
import dev.bertlab.sweep.SweepTrial;
import dev.bertlab.web.chart.EChart;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sweep: its runs ranked by the chosen metric with the best marked, and how each swept hyperparameter relates
 * to the metric (a scatter per knob, parallel coordinates across all of them). Updates as runs finish.
 */
@Route("sweeps")
@PageTitle("Sweep | BertLab")
@PermitAll
public class SweepView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final ObjectMapper JSON = Json.mapper();

    private final SweepService sweeps;
    private final RunEvents events;
    private final H2 title = new H2();
    private final Paragraph summary = new Paragraph();
    private final Grid<SweepTrial> grid = new Grid<>();
    private final VerticalLayout charts = new VerticalLayout();
    private Sweep sweep;
    private Registration subscription;

    public SweepView(SweepService sweeps, RunEvents events) {
        this.sweeps = sweeps;
        this.events = events;
        grid.setId("sweep-trials");
        grid.setAllRowsVisible(true);
        charts.setPadding(false);
        add(title, summary, grid, charts);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            sweep = sweeps.get(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no sweep " + id);
        }
        title.setText(sweep.getName());
        SearchSpace space = sweeps.space(sweep);
        summary.setText(String.format(Locale.ROOT, "%s search, budget %d runs, ranked by test %s (%s is better). "
                        + "Space: %s", sweep.getStrategy().toLowerCase(Locale.ROOT), sweep.getBudget(), sweep.getMetric(),
                SweepService.lowerIsBetter(sweep.getMetric()) ? "lower" : "higher",
                SearchSpaceText.format(space).trim().replace("\n", "; ")));
        configureGrid(space);
        refresh();
    }

    private void configureGrid(SearchSpace space) {
        grid.removeAllColumns();
        grid.addComponentColumn(t -> {
            Span best = new Span(t.best() ? "best" : "");
            best.getElement().getThemeList().add("badge success");
            best.setVisible(t.best());
            return best;
        }).setHeader("").setAutoWidth(true);
        grid.addComponentColumn(t -> new Anchor("runs/" + t.run().getId(), "run " + t.run().getId())).setHeader("Run");
        grid.addComponentColumn(t -> new StatusBadge(t.run().getStatus())).setHeader("Status");
        for (String name : space.values().keySet()) {
            grid.addColumn(t -> SearchSpaceText.valueText(t.values().get(name))).setHeader(name);
        }
        grid.addColumn(t -> t.score() == null ? "" : String.format(Locale.ROOT, "%.4f", t.score()))
                .setHeader(sweep.getMetric());
    }

    private void refresh() {
        List<SweepTrial> trials = sweeps.trials(sweep);
        grid.setItems(trials);
        charts.removeAll();
        List<SweepTrial> scored = trials.stream().filter(t -> t.score() != null).toList();
        if (scored.isEmpty()) {
            charts.add(new Paragraph("The charts appear as runs finish."));
            return;
        }
        List<String> knobs = new ArrayList<>(sweeps.space(sweep).values().keySet());
        for (String knob : knobs) {
            EChart chart = new EChart(scatter(knob, scored));
            chart.setId("sweep-scatter-" + knob.replace('_', '-'));
            chart.setWidthFull();
            chart.setHeight("260px");
            charts.add(chart);
        }
        if (knobs.size() > 1) {
            EChart parallel = new EChart(parallel(knobs, scored));
            parallel.setId("sweep-parallel");
            parallel.setWidthFull();
            parallel.setHeight("320px");
            charts.add(parallel);
        }
    }

    private String scatter(String knob, List<SweepTrial> scored) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", sweep.getMetric() + " against " + knob);
        option.putObject("tooltip").put("trigger", "item");
        boolean numeric = scored.stream().allMatch(t -> t.values().get(knob) instanceof Number);
        ObjectNode x = option.putObject("xAxis").put("name", knob).put("type", numeric ? "value" : "category");
        if (numeric && knob.equals("learning_rate")) {
            x.put("type", "log");
        }
        option.putObject("yAxis").put("type", "value").put("name", sweep.getMetric()).put("scale", true);
        ArrayNode data = option.putArray("series").addObject().put("type", "scatter").put("symbolSize", 12)
                .putArray("data");
        for (SweepTrial trial : scored) {
            ArrayNode point = data.addArray();
            Object value = trial.values().get(knob);
            if (value instanceof Number n) {
                point.add(n.doubleValue());
            } else {
                point.add(String.valueOf(value));
            }
            point.add(trial.score());
        }
        return option.toString();
    }

    private String parallel(List<String> knobs, List<SweepTrial> scored) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", "All swept hyperparameters and " + sweep.getMetric());
        ArrayNode axes = option.putArray("parallelAxis");
        for (int i = 0; i < knobs.size(); i++) {
            String knob = knobs.get(i);
            boolean numeric = scored.stream().allMatch(t -> t.values().get(knob) instanceof Number);
            ObjectNode axis = axes.addObject().put("dim", i).put("name", knob).put("type", numeric ? "value" : "category");
            if (!numeric) {
                ArrayNode categories = axis.putArray("data");
                scored.stream().map(t -> String.valueOf(t.values().get(knob))).distinct().forEach(categories::add);
            }
        }
        axes.addObject().put("dim", knobs.size()).put("name", sweep.getMetric());
        ArrayNode data = option.putArray("series").addObject().put("type", "parallel").putArray("data");
        for (SweepTrial trial : scored) {
            ArrayNode row = data.addArray();
            for (String knob : knobs) {
                Object value = trial.values().get(knob);
                if (value instanceof Number n) {
                    row.add(n.doubleValue());
                } else {
                    row.add(String.valueOf(value));
                }
            }
            row.add(trial.score());
        }
        return option.toString();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        subscription = events.subscribeAll(update -> {
            if (update instanceof RunEvent.StateChanged && sweep != null) {
                ui.access(this::refresh);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
        }
    }
}
