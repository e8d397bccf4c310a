package dev.bertlab.web.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * An Apache ECharts chart (free, from npm) as a Vaadin component: Vaadin Charts needs a paid licence. The option is
 * ECharts' own JSON; points can be appended one at a time for live curves.
 */
@Tag("echart-view")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./echart-view.ts")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    /** Replaces the whole chart with an ECharts option given as JSON. */
    public void setOption(String optionJson) {
        getElement().callJsFunction("setOption", optionJson);
    }

    /** Appends the point (x, y) to line series number {@code series}. */
    public void appendPoint(int series, double x, double y) {
        getElement().callJsFunction("appendPoint", series, x, y);
    }
}
