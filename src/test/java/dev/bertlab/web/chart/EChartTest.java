package dev.bertlab.web.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** The option the server keeps, which a re-attached chart is drawn from. */
class EChartTest {

    @Test
    void appendedPointsBecomePartOfTheOption() {
        EChart chart = new EChart("""
                {"series": [{"type": "line", "data": [[0, 0.9]]}]}""");

        chart.appendPoint(0, 1, 0.7);
        chart.appendPoint(0, 2, 0.5);

        assertThat(chart.getOption().at("/series/0/data").toString()).isEqualTo("[[0,0.9],[1.0,0.7],[2.0,0.5]]");
    }

    @Test
    void appendingPastTheLastSeriesAddsLineSeries() {
        EChart chart = new EChart("{\"title\": {\"text\": \"loss\"}}");

        chart.appendPoint(1, 10, 0.25);

        assertThat(chart.getOption().get("series")).hasSize(2);
        assertThat(chart.getOption().at("/series/0/type").asText()).isEqualTo("line");
        assertThat(chart.getOption().at("/series/1/data").toString()).isEqualTo("[[10.0,0.25]]");
        assertThat(chart.getOption().at("/title/text").asText()).isEqualTo("loss");
    }

    @Test
    void aSingleSeriesObjectIsKeptAsTheFirstSeries() {
        EChart chart = new EChart("{\"series\": {\"name\": \"train\", \"type\": \"line\"}}");

        chart.appendPoint(0, 1, 0.5);

        assertThat(chart.getOption().at("/series/0/name").asText()).isEqualTo("train");
        assertThat(chart.getOption().at("/series/0/data").toString()).isEqualTo("[[1.0,0.5]]");
    }

    @Test
    void aLossThatIsNotFiniteIsStoredAsAGap() {
        EChart chart = new EChart();

        chart.appendPoint(0, 1, Double.NaN);
        chart.appendPoint(0, 2, Double.POSITIVE_INFINITY);

        // valid JSON (JSON has no NaN), and ECharts' empty value
        assertThat(chart.getOption().at("/series/0/data").toString()).isEqualTo("[[1.0,\"-\"],[2.0,\"-\"]]");
    }

    @Test
    void setOptionReplacesEverythingAppendedBefore() {
        EChart chart = new EChart();
        chart.appendPoint(0, 1, 0.5);

        chart.setOption(JsonNodeFactory.instance.objectNode().put("animation", false));

        assertThat(chart.getOption().toString()).isEqualTo("{\"animation\":false}");
    }

    @Test
    void theOptionCannotBeChangedFromOutside() {
        EChart chart = new EChart("{\"animation\": false}");

        chart.getOption().put("animation", true);

        assertThat(chart.getOption().get("animation").asBoolean()).isFalse();
    }

    @Test
    void invalidJsonIsRejectedWithItsPosition() {
        EChart chart = new EChart();

        assertThatThrownBy(() -> chart.setOption("{\n  \"title\": {\"text\": \"loss\"\n}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The chart option is not valid JSON at line 3, column");
    }

    @Test
    void anOptionMustBeAJsonObject() {
        EChart chart = new EChart();

        assertThatThrownBy(() -> chart.setOption("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object").hasMessageContaining("array");
    }

    @Test
    void badPointsAreRejected() {
        EChart chart = new EChart();

        assertThatThrownBy(() -> chart.appendPoint(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> chart.appendPoint(0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x value");
        assertThat(chart.getOption().has("series")).isFalse();
    }
}
