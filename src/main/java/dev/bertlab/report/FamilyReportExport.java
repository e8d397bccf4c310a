package dev.bertlab.report;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** The family report as a file to download: its name and its HTML. */
@Service
public class FamilyReportExport {

    private static final int MAX_SLUG = 60;

    private final FamilyReportService reports;
    private final HtmlReportWriter writer = new HtmlReportWriter();

    public FamilyReportExport(FamilyReportService reports) {
        this.reports = reports;
    }

    /** Writes the report of the family {@code experimentId} belongs to as HTML. */
    public void writeHtml(long experimentId, OutputStream out) throws IOException {
        writer.write(reports.build(experimentId), out);
    }

    /** {@code bertlab-report-<experiment-name-slug>.html}: the name as letters, digits and dashes only. */
    public static String fileName(String experimentName, long experimentId) {
        String slug = Normalizer.normalize(experimentName == null ? "" : experimentName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "") // é -> e, so accented names keep their letters
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return "bertlab-report-" + (slug.isEmpty() ? "experiment-" + experimentId : slug) + ".html";
    }
}
