package dev.bertlab.web;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.bertlab.web.chart.EChart;
import jakarta.annotation.security.PermitAll;

/** The start page: what BertLab is, and the quickstart run's progress. */
@Route("")
@PageTitle("BertLab")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView() {
        add(new H1("BertLab"));
        add(new Paragraph("Fine-tune BERT text classifiers, debug and refine them, compare runs, and try a live "
                + "review classifier."));
        EChart chart = new EChart();
        chart.setId("training-loss");
        chart.setOption("""
                {"title": {"text": "Training loss", "subtext": "No runs yet"},
                 "xAxis": {"type": "value", "name": "step"}, "yAxis": {"type": "value", "name": "loss"},
                 "series": [{"type": "line", "showSymbol": false, "data": []}]}""");
        add(chart);
    }
}
