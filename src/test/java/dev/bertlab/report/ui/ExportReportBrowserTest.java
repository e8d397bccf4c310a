package dev.bertlab.report.ui;

import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import dev.bertlab.e2e.BrowserTest;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.experiment.ExperimentStage;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardApplicationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A viewer opens a debugged experiment in Debian's Chromium and downloads its family's report. The screenshot goes to
 * target/screenshots/.
 */
@Tag("browser")
@DashboardApplicationTest
class ExportReportBrowserTest extends BrowserTest {

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    UserService users;

    @Test
    void aViewerDownloadsTheFamilyReport() throws Exception {
        Experiment root = experiments.save(experiment("Sentiment <first> try", null, null));
        Experiment child = experiments.save(experiment("Sentiment, longer inputs", root.getId(),
                "max_length 8 -> 32 because most texts were cut"));
        // a name of its own: the users are shared
        asAdmin(() -> users.create("report-viewer", "viewer-password", Role.VIEWER));

        logIn("report-viewer", "viewer-password");
        page.navigate(url("/experiments/" + child.getId()));
        page.locator("#export-report").waitFor();
        screenshot("experiment-export-report");
        Download report = page.waitForDownload(() -> page.locator("#export-report").click());

        assertThat(report.suggestedFilename()).isEqualTo("bertlab-report-sentiment-longer-inputs.html");
        String html = Files.readString(report.path(), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Sentiment &lt;first&gt; try")
                .contains("max_length 8 -&gt; 32 because most texts were cut")
                .contains("There are no results yet");
    }

    private static Experiment experiment(String name, Long parentId, String changeNote) {
        Experiment experiment = new Experiment();
        experiment.setName(name);
        experiment.setDataset("imdb");
        experiment.setBaseModel("all-MiniLM-L6-v2");
        experiment.setHyperparameters(Hyperparameters.builder().epochs(1).build());
        experiment.setParentId(parentId);
        experiment.setChangeNote(changeNote);
        experiment.setStage(parentId == null ? ExperimentStage.INITIAL : ExperimentStage.DEBUGGED);
        experiment.setCreatedBy("admin");
        experiment.setCreatedAt(Instant.now());
        experiment.setUpdatedAt(Instant.now());
        return experiment;
    }
}
