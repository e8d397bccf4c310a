package dev.bertlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The report's charts are valid SVG whatever the data: escaped names, missing values, empty curves. */
class SvgChartsTest {

    @Test
    void drawsEachCurveAsAPolylineInItsOwnColour() throws Exception {
        Document chart = parse(SvgCharts.lineChart("Loss of <run> & co", "step", List.of(
                new SvgCharts.Series("training loss", List.of(new double[] {10, 0.7}, new double[] {20, 0.5})),
                new SvgCharts.Series("validation <loss>", List.of(new double[] {20, 0.6})))));

        assertThat(chart.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(chart.getElementsByTagName("circle").getLength()).as("a one-point curve still shows").isEqualTo(1);
        assertThat(chart.getDocumentElement().getTextContent()).contains("Loss of <run> & co")
                .contains("validation <loss>").contains("0.700").contains("20");
    }

    @Test
    void saysWhatIsMissingInsteadOfDrawingIt() throws Exception {
        Document empty = parse(SvgCharts.lineChart("Loss", "step", List.of(new SvgCharts.Series("training loss",
                List.of()))));
        assertThat(empty.getDocumentElement().getTextContent()).contains("no curve logged");

        List<SvgCharts.Bar> bars = new ArrayList<>();
        bars.add(new SvgCharts.Bar("first", 0.5));
        bars.add(new SvgCharts.Bar("a name far too long to fit under its bar", null));
        Document chart = parse(SvgCharts.barChart("Test accuracy", bars, 1.0));
        assertThat(chart.getElementsByTagName("rect").getLength()).isEqualTo(1);
        assertThat(chart.getDocumentElement().getTextContent()).contains("no result").contains("0.500")
                .contains("…").doesNotContain("under its bar");
    }

    @Test
    void fileNamesKeepLettersAndDigitsOnly() {
        assertThat(FamilyReportExport.fileName("IMDb / MiniLM: Dropout 0.3 (café)", 7))
                .isEqualTo("bertlab-report-imdb-minilm-dropout-0-3-cafe.html");
        assertThat(FamilyReportExport.fileName("<>", 7)).isEqualTo("bertlab-report-experiment-7.html");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
