package dev.bertlab.web;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("")
@PageTitle("BertLab")
public class HomeView extends VerticalLayout {

    public HomeView() {
        add(new H1("BertLab"), new Paragraph("Fine-tune, debug, evaluate and demo BERT text classifiers."));
    }
}
