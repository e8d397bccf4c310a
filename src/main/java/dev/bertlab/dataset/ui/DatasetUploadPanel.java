package dev.bertlab.dataset.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.bertlab.dataset.DatasetService;
import dev.bertlab.dataset.FilePreview;
import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.engine.data.importing.ColumnMapping;
import dev.bertlab.engine.data.importing.DatasetProblem;
import dev.bertlab.engine.data.importing.DatasetValidationException;
import dev.bertlab.engine.data.importing.ImportRequest;
import dev.bertlab.web.UserMessages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Uploading a dataset (EDITORs): the file lands in a temporary directory, its first rows are shown, the user maps
 * columns and task, and the importer validates everything. Every problem is listed with file, line and column;
 * nothing is stored unless the whole file is clean.
 */
class DatasetUploadPanel extends VerticalLayout {

    private static final String NONE = "";

    /** Columns the preview shows at most: more are not readable side by side, and each costs the page time. */
    static final int PREVIEW_COLUMNS = 30;

    private final DatasetService datasets;
    private final Consumer<DatasetInfo> imported;
    private final Upload upload = new Upload();
    private final Grid<Map<String, String>> preview = new Grid<>();
    private final Paragraph omittedColumns = new Paragraph();
    private final FormLayout mapping = new FormLayout();
    private final TextField name = new TextField("Name");
    private final TextField displayName = new TextField("Title");
    private final Select<TaskType> task = new Select<>();
    private final Select<String> textColumn = new Select<>();
    private final Select<String> pairColumn = new Select<>();
    private final Select<String> labelColumn = new Select<>();
    private final Button importButton = new Button("Import");
    private final Div errors = new Div();
    private final Paragraph errorSummary = new Paragraph();
    private final Grid<DatasetProblem> problems = new Grid<>();

    private Path uploaded;
    private String uploadedName;
    /** The file an upload in progress is written to, until it is received: removed if the page goes first. */
    private volatile Path receiving;

    DatasetUploadPanel(DatasetService datasets, Consumer<DatasetInfo> imported) {
        this.datasets = datasets;
        this.imported = imported;
        setPadding(false);
        add(new H3("Import a dataset"), new Paragraph("CSV or TSV with a header row, JSON lines, or Parquet; up to "
                + DatasetService.MAX_UPLOAD_BYTES / (1024 * 1024) + " MB. Validation and test are carved out of the "
                + "file (10% each, stratified) unless you import them separately with the command line."));
        configureUpload();
        configureMapping();
        configureErrors();
        omittedColumns.setId("upload-preview-omitted");
        add(upload, errors, preview, omittedColumns, mapping);
        showMapping(false);
    }

    private void configureUpload() {
        upload.setId("upload-dataset");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) DatasetService.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".parquet", ".pq");
        upload.setUploadHandler(UploadHandler.toFile((metadata, file) -> {
            receiving = null;
            UI ui = upload.getUI().orElse(null);
            if (ui == null) {
                // the page was closed while the file arrived: nobody will import it
                datasets.discardUpload(file.toPath());
            } else {
                ui.access(() -> received(file.toPath(), metadata.fileName()));
            }
        }, metadata -> {
            Path file = datasets.newUploadFile(metadata.fileName());
            receiving = file;
            return file.toFile();
        }));
        upload.addFileRejectedListener(event -> showErrors(event.getErrorMessage() + ": "
                + event.getFileName() + ". The limit is " + DatasetService.MAX_UPLOAD_BYTES / (1024 * 1024)
                + " MB, and the file must be .csv, .tsv, .jsonl or .parquet. Nothing was stored.", List.of(), 1));
        upload.addFailedListener(event -> {
            discardReceiving();
            showErrors("The upload failed: " + event.getReason().getMessage() + ". Nothing was stored.", List.of(),
                    1);
        });
    }

    private void configureMapping() {
        name.setId("import-name");
        name.setHelperText("a-z, 0-9, - and _; how experiments refer to it");
        displayName.setId("import-display-name");
        task.setId("import-task");
        task.setLabel("Task");
        task.setItems(TaskType.values());
        task.setItemLabelGenerator(t -> t == TaskType.REGRESSION ? "regression (numeric label)"
                : "classification (label is a class)");
        task.setValue(TaskType.SINGLE_LABEL_CLASSIFICATION);
        textColumn.setId("import-text-column");
        textColumn.setLabel("Text column");
        pairColumn.setId("import-pair-column");
        pairColumn.setLabel("Second text (pairs)");
        pairColumn.setItemLabelGenerator(column -> column.isEmpty() ? "none" : column);
        labelColumn.setId("import-label-column");
        labelColumn.setLabel("Label column");
        importButton.setId("import-dataset");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(click -> importUploaded());
        mapping.setId("import-mapping");
        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        mapping.add(name, displayName, task, textColumn, pairColumn, labelColumn, importButton);
    }

    private void configureErrors() {
        errors.setId("upload-errors");
        errorSummary.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        problems.setId("upload-problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setAllRowsVisible(true);
        problems.addColumn(p -> p.file() == null ? "" : Path.of(p.file()).getFileName().toString())
                .setHeader("File").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.line() > 0 ? Long.toString(p.line()) : "").setHeader("Line").setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader("Column").setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(DatasetProblem::message).setHeader("Problem").setFlexGrow(1);
        errors.add(errorSummary, problems);
        errors.setVisible(false);
        errors.setWidthFull();
    }

    private void received(Path file, String fileName) {
        datasets.discardUpload(uploaded);
        uploaded = file;
        uploadedName = fileName;
        hideErrors();
        FilePreview shown = datasets.preview(file, fileName);
        if (shown.problem() != null) {
            datasets.discardUpload(file);
            uploaded = null;
            upload.clearFileList();
            showErrors(shown.problem() + ". Nothing was stored.", List.of(), 1);
            showMapping(false);
            return;
        }
        showPreview(shown);
        name.setValue(datasets.suggestName(fileName));
        displayName.setValue(fileName.replaceFirst("\\.[^.]*$", ""));
        List<String> columns = shown.columns();
        textColumn.setItems(columns);
        labelColumn.setItems(columns);
        List<String> pairs = new ArrayList<>(List.of(NONE));
        pairs.addAll(columns);
        pairColumn.setItems(pairs);
        pairColumn.setValue(NONE);
        shown.likelyTextColumn().ifPresentOrElse(textColumn::setValue, () -> textColumn.setValue(columns.isEmpty()
                ? null : columns.get(0)));
        shown.likelyLabelColumn().ifPresentOrElse(labelColumn::setValue, () -> labelColumn.setValue(
                columns.size() < 2 ? null : columns.get(columns.size() - 1)));
        showMapping(true);
    }

    private void showPreview(FilePreview shown) {
        preview.setId("upload-preview");
        preview.removeAllColumns();
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        preview.setAllRowsVisible(true);
        List<String> columns = shown.columns();
        for (String column : columns.subList(0, Math.min(columns.size(), PREVIEW_COLUMNS))) {
            preview.addColumn(row -> row.getOrDefault(column, "")).setHeader(column).setResizable(true);
        }
        preview.setItems(shown.rows());
        int omitted = columns.size() - PREVIEW_COLUMNS;
        omittedColumns.setText(omitted > 0 ? "The first " + PREVIEW_COLUMNS + " of " + columns.size()
                + " columns are shown; " + omitted + " more columns are not shown (all can be mapped below)." : "");
        omittedColumns.setVisible(omitted > 0);
    }

    private void importUploaded() {
        if (uploaded == null) {
            showErrors("Upload a file first.", List.of(), 1);
            return;
        }
        if (textColumn.getValue() == null || labelColumn.getValue() == null) {
            showErrors("Choose the text column and the label column.", List.of(), 1);
            return;
        }
        hideErrors();
        try {
            ImportRequest request = ImportRequest.builder(name.getValue().strip(), uploaded,
                            new ColumnMapping(textColumn.getValue(), emptyToNull(pairColumn.getValue()),
                                    labelColumn.getValue()))
                    .displayName(displayName.getValue())
                    .task(task.getValue())
                    .build();
            DatasetInfo info = datasets.importDataset(request);
            UserMessages.success("Imported " + info.name() + ": " + info.counts().values().stream()
                    .mapToInt(Integer::intValue).sum() + " examples");
            reset();
            imported.accept(info);
        } catch (DatasetValidationException e) {
            showErrors(e.totalProblems() + (e.totalProblems() == 1 ? " problem" : " problems") + " in " + uploadedName
                    + "; nothing was imported." + (e.totalProblems() > e.problems().size() ? " The first "
                    + e.problems().size() + " are listed." : ""), e.problems(), e.totalProblems());
        } catch (AccessDeniedException e) {
            showErrors("Only editors can import datasets.", List.of(), 1);
        } catch (IllegalArgumentException e) {
            showErrors(e.getMessage(), List.of(), 1);
        }
    }

    private void showErrors(String summary, List<DatasetProblem> located, int total) {
        errorSummary.setText(summary);
        problems.setItems(located);
        problems.setVisible(!located.isEmpty());
        errors.setVisible(total > 0);
    }

    private void hideErrors() {
        errors.setVisible(false);
        problems.setItems(List.of());
    }

    private void showMapping(boolean visible) {
        preview.setVisible(visible);
        omittedColumns.setVisible(visible && !omittedColumns.getText().isEmpty());
        mapping.setVisible(visible);
    }

    private void reset() {
        datasets.discardUpload(uploaded);
        uploaded = null;
        uploadedName = null;
        upload.clearFileList();
        showMapping(false);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private void discardReceiving() {
        Path file = receiving;
        receiving = null;
        datasets.discardUpload(file);
    }

    /** The page was left or closed (Vaadin closes a UI when its tab goes): an upload not imported is removed. */
    @Override
    protected void onDetach(DetachEvent event) {
        datasets.discardUpload(uploaded);
        uploaded = null;
        discardReceiving();
        super.onDetach(event);
    }
}
