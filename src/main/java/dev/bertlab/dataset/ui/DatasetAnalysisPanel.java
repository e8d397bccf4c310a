package dev.bertlab.dataset.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.bertlab.dataset.DatasetAnalysis;
import dev.bertlab.dataset.DatasetService;
import dev.bertlab.dataset.TokenLengths;
import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.web.chart.EChart;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One dataset's label distribution and token-length histogram. Loading (a built-in is fetched on first use) and
 * tokenizing run in the background with their progress shown; the max length only redraws the histogram.
 */
class DatasetAnalysisPanel extends VerticalLayout {

    private final DatasetService datasets;
    private final Consumer<DatasetInfo> analysed;
    private final H3 title = new H3();
    private final Select<String> tokenizer = new Select<>();
    private final IntegerField maxLength = new IntegerField("Max length");
    private final ProgressBar progressBar = new ProgressBar();
    private final Span status = new Span();
    private final Span truncatedShare = new Span();
    private final EChart labelChart = new EChart();
    private final EChart lengthChart = new EChart();

    private String dataset;
    private TokenLengths lengths;
    private int generation;

    DatasetAnalysisPanel(DatasetService datasets, Consumer<DatasetInfo> analysed) {
        this.datasets = datasets;
        this.analysed = analysed;
        setId("dataset-analysis");
        setPadding(false);
        configureControls();
        HorizontalLayout controls = new HorizontalLayout(tokenizer, maxLength);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout progress = new VerticalLayout(status, progressBar);
        progress.setPadding(false);
        progress.setSpacing(false);
        HorizontalLayout charts = new HorizontalLayout(labelChart, lengthChart);
        charts.setWidthFull();
        charts.setFlexGrow(1, labelChart);
        charts.setFlexGrow(2, lengthChart);
        add(title, controls, progress, truncatedShare, charts);
        setVisible(false);
    }

    /** Starts analysing a dataset. */
    void show(DatasetInfo info) {
        dataset = info.name();
        title.setText(info.name() + " · " + info.displayName());
        setVisible(true);
        analyse();
    }

    private void configureControls() {
        tokenizer.setId("token-model");
        tokenizer.setLabel("Tokenizer");
        tokenizer.setItems(datasets.tokenizerModels());
        tokenizer.setValue(DatasetService.DEFAULT_TOKENIZER);
        tokenizer.addValueChangeListener(event -> {
            if (event.isFromClient() && dataset != null) {
                analyse();
            }
        });
        maxLength.setId("token-max-length");
        maxLength.setMin(8);
        maxLength.setMax(512);
        maxLength.setStep(8);
        maxLength.setStepButtonsVisible(true);
        maxLength.setValue(256);
        maxLength.setHelperText("Tokens per input, [CLS] and [SEP] included (8 to 512)");
        maxLength.setValueChangeMode(ValueChangeMode.LAZY);
        maxLength.addValueChangeListener(event -> drawLengths());
        progressBar.setIndeterminate(true);
        progressBar.setVisible(false);
        status.setId("analysis-progress");
        status.getStyle().set("color", "var(--lumo-secondary-text-color)");
        truncatedShare.setId("truncated-share");
        truncatedShare.getStyle().set("font-weight", "600");
        labelChart.setId("label-distribution");
        lengthChart.setId("token-lengths");
    }

    private void analyse() {
        UI ui = UI.getCurrent();
        int run = ++generation;
        lengths = null;
        truncatedShare.setText("");
        progressBar.setVisible(true);
        status.setText("Analysing " + dataset + "…");
        datasets.analyse(dataset, tokenizer.getValue(), message -> ui.access(() -> {
            if (run == generation) {
                status.setText(message);
            }
        })).whenComplete((analysis, failure) -> ui.access(() -> {
            if (run != generation) {
                return;
            }
            progressBar.setVisible(false);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                status.setText("Cannot analyse " + dataset + ": " + cause.getMessage());
                return;
            }
            draw(analysis);
        }));
    }

    private void draw(DatasetAnalysis analysis) {
        status.setText(String.format(Locale.ROOT, "%,d train · %,d validation · %,d test examples; fingerprint %s",
                analysis.info().count(dev.bertlab.engine.data.Split.TRAIN),
                analysis.info().count(dev.bertlab.engine.data.Split.VALIDATION),
                analysis.info().count(dev.bertlab.engine.data.Split.TEST), analysis.info().fingerprint()));
        labelChart.setOption(DatasetCharts.labelDistribution(analysis.labels()));
        lengths = analysis.tokenLengths();
        drawLengths();
        analysed.accept(analysis.info());
    }

    private void drawLengths() {
        Integer limit = maxLength.getValue();
        if (lengths == null || limit == null || limit < 8 || limit > 512) {
            return;
        }
        lengthChart.setOption(DatasetCharts.tokenLengths(lengths, limit));
        String sample = lengths.sampled() == lengths.population()
                ? String.format(Locale.ROOT, "the %,d train texts", lengths.sampled())
                : String.format(Locale.ROOT, "%,d train texts (sampled evenly from %,d)", lengths.sampled(),
                        lengths.population());
        truncatedShare.setText(String.format(Locale.ROOT, "%.1f%% of %s are longer than %d tokens and would be "
                        + "truncated; median %d, 95th percentile %d, longest %d tokens.",
                100 * lengths.shareTruncatedAt(limit), sample, limit, lengths.percentile(0.5),
                lengths.percentile(0.95), lengths.longest()));
    }
}
