package dev.bertlab.sweep.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.security.Role;
import dev.bertlab.sweep.Sweep;
import dev.bertlab.sweep.SweepService;
import dev.bertlab.sweep.SweepTrial;
import dev.bertlab.web.UserMessages;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/** The sweeps: batches of runs over a search space, with how far each got and its best score. */
@Route("sweeps")
@PageTitle("Sweeps | BertLab")
@PermitAll
public class SweepsView extends VerticalLayout {

    private final SweepService sweeps;
    private final ExperimentService experiments;
    private final AuthenticationContext authentication;
    private final Grid<Sweep> grid = new Grid<>();

    public SweepsView(SweepService sweeps, ExperimentService experiments, AuthenticationContext authentication) {
        this.sweeps = sweeps;
        this.experiments = experiments;
        this.authentication = authentication;
        add(new H2("Sweeps"), new Paragraph("Grid or random search over hyperparameters, queued as one batch (now "
                + "or, say, tonight at 01:00); the runs are ranked by a test metric."));
        if (authentication.hasRole(Role.Names.EDITOR)) {
            Button create = new Button("New sweep", VaadinIcon.PLUS.create(), click -> openNew());
            create.setId("new-sweep");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        configureGrid();
        add(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("sweeps-grid");
        grid.addComponentColumn(s -> new Anchor("sweeps/" + s.getId(), s.getName())).setHeader("Sweep")
                .setFlexGrow(2);
        grid.addColumn(s -> experiments.find(s.getExperimentId()).map(e -> e.getName()).orElse("#"
                + s.getExperimentId())).setHeader("Experiment").setFlexGrow(2);
        grid.addColumn(s -> s.getStrategy().toLowerCase(Locale.ROOT)).setHeader("Strategy");
        grid.addColumn(this::progress).setHeader("Runs done");
        grid.addColumn(this::best).setHeader("Best");
        grid.setAllRowsVisible(true);
    }

    private String progress(Sweep sweep) {
        List<SweepTrial> trials = sweeps.trials(sweep);
        long done = trials.stream().filter(t -> t.run().getStatus().isFinal()).count();
        return done + " / " + trials.size();
    }

    private String best(Sweep sweep) {
        return sweeps.trials(sweep).stream().filter(SweepTrial::best).findFirst()
                .map(t -> String.format(Locale.ROOT, "%s %.4f (run %d)", sweep.getMetric(), t.score(), t.run().getId()))
                .orElse("—");
    }

    private void openNew() {
        String user = authentication.getPrincipalName().orElse("unknown");
        new NewSweepDialog(sweeps, experiments.all(), user, sweep -> {
            UserMessages.success("Sweep '" + sweep.getName() + "' queued");
            getUI().ifPresent(ui -> ui.navigate("sweeps/" + sweep.getId()));
        }).open();
    }

    private void refresh() {
        grid.setItems(sweeps.all());
    }
}
