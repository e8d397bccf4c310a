package dev.bertlab.web;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.bertlab.web.chart.EChart;

/** The start page until the dashboard's views exist: what BertLab is and how to train from the command line. */
@Route("")
@PageTitle("BertLab")
public class HomeView extends VerticalLayout {

    public HomeView() {
        add(new H1("BertLab"));
        add(new Paragraph("Fine-tune BERT text classifiers, debug and refine them, compare runs, and try a live "
                + "review classifier."));
        add(new H3("Train from the command line"));
        add(new Pre("java -jar target/bertlab.jar train --config examples/imdb-minilm.yaml"));
        EChart chart = new EChart();
        chart.setId("training-loss");
        chart.setOption("""
                {"title": {"text": "Training loss", "subtext": "No runs yet"},
                 "xAxis": {"type": "value", "name": "step"}, "yAxis": {"type": "value", "name": "loss"},
                 "series": [{"type": "line", "showSymbol": false, "data": []}]}""");
        add(chart);
    }
}
