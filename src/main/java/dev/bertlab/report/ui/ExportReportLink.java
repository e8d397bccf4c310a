package dev.bertlab.report.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.report.FamilyReportExport;
import java.io.OutputStream;

/**
 * "Export report": downloads the HTML report of the experiment's whole family. The report is built when the link
 * is followed, not when the page opens, so it holds the newest runs and costs nothing until asked for.
 */
public class ExportReportLink extends Anchor {

    public ExportReportLink(FamilyReportExport export, Experiment experiment) {
        long id = experiment.getId();
        String fileName = FamilyReportExport.fileName(experiment.getName(), id);
        DownloadHandler report = event -> {
            event.setFileName(fileName);
            event.setContentType("text/html; charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                export.writeHtml(id, out);
            }
        };
        setHref(report, AttachmentType.DOWNLOAD);
        setId("export-report");
        Button button = new Button("Export report", VaadinIcon.FILE_TEXT_O.create());
        button.setTooltipText("The family's problem, debugging steps, results and evaluation as one HTML file");
        add(button);
    }
}
