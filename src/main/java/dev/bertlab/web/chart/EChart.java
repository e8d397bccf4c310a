package dev.bertlab.web.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * An Apache ECharts chart. The server keeps the whole option (including every point appended since), so the
 * chart draws the same after the component is detached and attached again; live points travel one by one.
 *
 * <p>The option is ECharts' own JSON option object, see the ECharts option reference. Like every Vaadin
 * component this one is not thread-safe: from a background job, call it inside {@code ui.access(...)}.
 */
@Tag("echart-view")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./echart-view.ts")
public class EChart extends Component implements HasSize {

    // its own plain mapper: the web toolkit depends on no other package of BertLab, the engine's Json included
    private static final ObjectMapper JSON = new ObjectMapper();

    /** ECharts' placeholder for a missing value: the line shows a gap there. */
    private static final String EMPTY_VALUE = "-";

    private ObjectNode option = JSON.createObjectNode();

    /** An empty chart; give it a height (ECharts draws nothing in an element without one). */
    public EChart() {
    }

    /** A chart drawing the given option. */
    public EChart(String optionJson) {
        setOption(optionJson);
    }

    /**
     * Replaces the whole chart.
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public void setOption(String optionJson) {
        try {
            setOption(JSON.readTree(optionJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The chart option is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Replaces the whole chart.
     *
     * @throws IllegalArgumentException if the option is not a JSON object
     */
    public void setOption(JsonNode option) {
        if (!(option instanceof ObjectNode object)) {
            throw new IllegalArgumentException("An ECharts option must be a JSON object ({...}), got "
                    + (option == null ? "null" : option.getNodeType().toString().toLowerCase()));
        }
        this.option = object.deepCopy();
        if (isAttached()) {
            sendOption();
        }
    }

    /** A copy of the option as the chart draws it, appended points included. */
    public ObjectNode getOption() {
        return option.deepCopy();
    }

    /**
     * Adds the point (x, y) to the end of a series' data and sends only that point to the browser. A series
     * index past the last series adds line series up to it. A y that is not finite (a diverged loss) is drawn
     * as a gap.
     *
     * @throws IllegalArgumentException if the series index is negative or x is not finite
     */
    public void appendPoint(int seriesIndex, double x, double y) {
        if (seriesIndex < 0) {
            throw new IllegalArgumentException("Series index must be 0 or more, got " + seriesIndex);
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("The x value of a point must be finite, got " + x);
        }
        ArrayNode series = seriesList();
        while (series.size() <= seriesIndex) {
            series.addObject().put("type", "line");
        }
        ArrayNode point = ((ObjectNode) series.get(seriesIndex)).withArray("data").addArray().add(x);
        if (Double.isFinite(y)) {
            point.add(y);
        } else {
            point.add(EMPTY_VALUE);
        }
        if (isAttached()) {
            // JSON has no NaN or Infinity: a null reaches the browser, which stores it as the gap value
            getElement().callJsFunction("appendData", seriesIndex, x, Double.isFinite(y) ? y : null);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // a (re-)attached element is a new element in the browser: it gets the whole option
        sendOption();
    }

    /** The option's series as an array, the form ECharts also accepts for a single series object. */
    private ArrayNode seriesList() {
        JsonNode series = option.get("series");
        if (series instanceof ArrayNode list) {
            return list;
        }
        ArrayNode list = option.putArray("series");
        if (series instanceof ObjectNode single) {
            list.add(single);
        }
        return list;
    }

    private void sendOption() {
        getElement().callJsFunction("setOption", option.toString());
    }
}
