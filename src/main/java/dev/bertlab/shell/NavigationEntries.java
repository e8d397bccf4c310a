package dev.bertlab.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages in the side navigation, in order. Each feature adds its entry here, so the layout needs no change
 * when a page is added.
 */
public final class NavigationEntries {

    /**
     * One navigation entry.
     *
     * @param label what the navigation shows
     * @param view the route's view class
     * @param icon its icon
     */
    public record Entry(String label, Class<? extends Component> view, VaadinIcon icon) {
    }

    private NavigationEntries() {
    }

    public static List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("Home", HomeView.class, VaadinIcon.HOME));
        entries.add(new Entry("Experiments", dev.bertlab.experiment.ui.ExperimentListView.class, VaadinIcon.FLASK));
        entries.add(new Entry("Runs", dev.bertlab.run.ui.RunsView.class, VaadinIcon.FLASH));
        entries.add(new Entry("Sweeps", dev.bertlab.sweep.ui.SweepsView.class, VaadinIcon.GRID_BIG));
        entries.add(new Entry("Schedules", dev.bertlab.run.ui.SchedulesView.class, VaadinIcon.CALENDAR_CLOCK));
        entries.add(new Entry("Workers", dev.bertlab.cluster.ui.WorkersView.class, VaadinIcon.SERVER));
        entries.add(new Entry("Datasets", dev.bertlab.dataset.ui.DatasetsView.class, VaadinIcon.DATABASE));
        entries.add(new Entry("Compare", dev.bertlab.compare.ui.CompareView.class, VaadinIcon.SCALE));
        entries.add(new Entry("Try it", dev.bertlab.classify.ui.TryView.class, VaadinIcon.COMMENT_ELLIPSIS_O));
        entries.add(new Entry("Demo", dev.bertlab.classify.ui.DemoView.class, VaadinIcon.PRESENTATION));
        entries.add(new Entry("Admin", dev.bertlab.admin.ui.AdminView.class, VaadinIcon.COG));
        return entries;
    }
}
