package dev.bertlab.run.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.bertlab.run.RunFile;
import dev.bertlab.run.RunArtifacts;
import dev.bertlab.run.TrainingRun;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Links to the run's files: the model (Hugging Face layout, zipped, and as ONNX), predictions, metrics, the training log. */
class RunDownloads extends FlexLayout {

    private final RunArtifacts artifacts;

    RunDownloads(RunArtifacts artifacts) {
        this.artifacts = artifacts;
        setId("downloads");
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-m)");
    }

    void show(TrainingRun run) {
        removeAll();
        if (artifacts.hasModel(run)) {
            long id = run.getId();
            add(link(new Anchor(written("run-" + id + "-model.zip", "application/zip",
                    out -> artifacts.writeModelZip(run, out)), AttachmentType.DOWNLOAD, "Model (Hugging Face, zip)"),
                    "download-model"));
            add(link(new Anchor(written("run-" + id + "-model.onnx", "application/octet-stream",
                    out -> artifacts.writeModelOnnx(run, out)), AttachmentType.DOWNLOAD, "Model (ONNX)"),
                    "download-model-onnx"));
        }
        for (RunFile file : RunFile.values()) {
            Optional<Path> path = artifacts.file(run, file);
            path.ifPresent(p -> add(link(new Anchor(DownloadHandler.forFile(p.toFile(),
                    "run-" + run.getId() + "-" + p.getFileName()), AttachmentType.DOWNLOAD, file.label()),
                    "download-" + file.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        }
        if (getComponentCount() == 0) {
            add(new com.vaadin.flow.component.html.Span("Nothing to download yet."));
        }
    }

    /** A download whose bytes are written when it is clicked (a zip made on the fly, an ONNX graph written once). */
    private static DownloadHandler written(String fileName, String contentType, Body body) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType(contentType);
            try (OutputStream out = event.getOutputStream()) {
                body.writeTo(out);
            }
        };
    }

    private interface Body {
        void writeTo(OutputStream out) throws java.io.IOException;
    }

    private static Anchor link(Anchor anchor, String id) {
        anchor.setId(id);
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.getStyle().set("display", "inline-flex").set("gap", "0.3em").set("align-items", "center");
        return anchor;
    }
}
