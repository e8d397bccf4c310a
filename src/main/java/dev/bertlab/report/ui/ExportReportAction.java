package dev.bertlab.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ui.ExperimentPageAction;
import dev.bertlab.report.FamilyReportExport;

/**
 * Puts {@link ExportReportLink} on every experiment's page, for every role: whoever may read the results may take
 * them away as a report.
 */
@SpringComponent
class ExportReportAction implements ExperimentPageAction {

    private final FamilyReportExport export;

    ExportReportAction(FamilyReportExport export) {
        this.export = export;
    }

    @Override
    public Component create(Experiment experiment) {
        return new ExportReportLink(export, experiment);
    }
}
