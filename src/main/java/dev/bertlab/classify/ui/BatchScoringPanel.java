package dev.bertlab.classify.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.bertlab.classify.CsvScoringService;
import dev.bertlab.classify.InvalidCsvException;
import dev.bertlab.classify.ModelNotFoundException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Scores a whole CSV file: upload, choose the text column, watch the progress, download the result with a label
 * and the class probabilities per row.
 */
class BatchScoringPanel extends VerticalLayout {

    private final CsvScoringService scoring;
    private final Supplier<String> model;
    private final Upload upload;
    private final Select<String> column = new Select<>();
    private final Span fileInfo = new Span();
    private final Button score = new Button("Score", VaadinIcon.PLAY.create());
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final HorizontalLayout downloadRow = new HorizontalLayout();
    private Path uploaded;
    private String uploadedName;
    private CsvScoringService.ScoringJob job;

    BatchScoringPanel(CsvScoringService scoring, Supplier<String> model) {
        this.scoring = scoring;
        this.model = model;
        this.upload = new Upload(UploadHandler.toTempFile((metadata, file) -> uploaded(metadata.fileName(), file)));
        setPadding(false);
        add(new H3("Score a CSV file"), new Paragraph(String.format(Locale.ROOT, "Upload a CSV or TSV file with a "
                + "header row (UTF-8, up to 20 MB and %,d rows), choose the column with the texts, and download the "
                + "file with a label and the probability of each class added to every row.",
                CsvScoringService.MAX_ROWS)));
        configureUpload();
        add(upload, fileInfo, columnAndActions(), progressRow(), downloadRow);
        showIdle();
    }

    private void configureUpload() {
        upload.setId("try-upload");
        upload.setAcceptedFileTypes(".csv", ".tsv", "text/csv", "text/tab-separated-values");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CsvScoringService.MAX_BYTES);
        upload.addFileRejectedListener(event -> error(event.getErrorMessage()));
        fileInfo.setId("try-file-info");
    }

    private HorizontalLayout columnAndActions() {
        column.setLabel("Text column");
        column.setId("try-column");
        score.setId("try-score");
        score.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        score.addClickListener(click -> start());
        cancel.setId("try-cancel");
        cancel.addClickListener(click -> {
            if (job != null) {
                job.cancel();
            }
        });
        HorizontalLayout row = new HorizontalLayout(column, score, cancel);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout progressRow() {
        progress.setId("try-batch-progress");
        progress.setWidth("20em");
        status.setId("try-batch-status");
        HorizontalLayout row = new HorizontalLayout(progress, status);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        return row;
    }

    private void uploaded(String fileName, File file) {
        discardUpload();
        uploaded = file.toPath();
        uploadedName = fileName;
        downloadRow.removeAll();
        // the file's name and size show below; an empty list lets the next file replace this one
        upload.clearFileList();
        try {
            CsvScoringService.CsvPreview preview = scoring.inspect(uploaded, fileName);
            column.setItems(preview.columns());
            column.setValue(preview.suggestedColumn());
            fileInfo.setText(String.format(Locale.ROOT, "%s: %,d rows, %d columns", fileName, preview.rows(),
                    preview.columns().size()));
            fileInfo.getStyle().remove("color");
            showIdle();
        } catch (InvalidCsvException e) {
            discardUpload();
            fileInfo.setText(fileName + ": " + e.getMessage());
            fileInfo.getStyle().set("color", "var(--lumo-error-text-color)");
            showIdle();
        }
    }

    private void start() {
        if (uploaded == null || column.getValue() == null) {
            error("Upload a CSV file and choose its text column first");
            return;
        }
        downloadRow.removeAll();
        try {
            UI ui = UI.getCurrent();
            job = scoring.start(uploaded, uploadedName, column.getValue(), model.get(),
                    (done, total) -> access(ui, () -> showProgress(done, total)));
            showRunning();
            CsvScoringService.ScoringJob started = job;
            job.result().whenComplete((file, failure) -> access(ui, () -> finished(started, file, failure)));
        } catch (InvalidCsvException | ModelNotFoundException e) {
            error(e.getMessage());
        }
    }

    private void showProgress(int done, int total) {
        progress.setIndeterminate(false);
        progress.setValue(total == 0 ? 1 : (double) done / total);
        status.setText(String.format(Locale.ROOT, "%,d of %,d rows", done, total));
    }

    private void finished(CsvScoringService.ScoringJob finishedJob, Path file, Throwable failure) {
        if (finishedJob != job) {
            return;
        }
        job = null;
        showIdle();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            status.setText("Cancelled");
            return;
        }
        if (cause != null) {
            status.setText("");
            error("Scoring failed: " + cause.getMessage());
            return;
        }
        progress.setVisible(true);
        progress.setValue(1);
        status.setText("Done");
        String name = uploadedName.replaceAll("\\.[^.]*$", "") + "-scored.csv";
        Anchor download = new Anchor(DownloadHandler.forFile(file.toFile(), name), "");
        download.setId("try-download");
        Button button = new Button("Download " + name, VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        download.add(button);
        downloadRow.add(download);
    }

    private void showIdle() {
        boolean ready = uploaded != null;
        column.setEnabled(ready);
        score.setEnabled(ready);
        cancel.setVisible(false);
        progress.setVisible(false);
        upload.setVisible(true);
    }

    private void showRunning() {
        column.setEnabled(false);
        score.setEnabled(false);
        cancel.setVisible(true);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText("Loading the model…");
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the page was closed; the job's result is dropped with it
        }
    }

    private static void error(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void discardUpload() {
        if (uploaded != null) {
            try {
                Files.deleteIfExists(uploaded);
            } catch (IOException ignored) {
                // a temporary file; the JVM's temp directory is cleaned eventually
            }
            uploaded = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (job != null) {
            job.cancel();
        }
        discardUpload();
        super.onDetach(detachEvent);
    }
}
