package dev.bertlab.engine.run;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisListener;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The diagnoses of one run: each is said in the run's log, kept in {@code diagnoses.json} (rewritten whole, through
 * a temporary file, so a crash never leaves half a list) and passed to the listeners that want them. A resumed run
 * keeps what its first attempt found.
 */
public final class RunDiagnoses {

    private final Path file;
    private final Consumer<String> log;
    private final List<DiagnosisListener> listeners;
    private final List<Diagnosis> found = new ArrayList<>();

    RunDiagnoses(Path file, Consumer<String> log, List<DiagnosisListener> listeners) throws IOException {
        this.file = file;
        this.log = log;
        this.listeners = List.copyOf(listeners);
        if (Files.isRegularFile(file)) {
            found.addAll(read(file));
        }
    }

    /** Reads a run's diagnoses; a run without the file has none. */
    public static List<Diagnosis> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Json.mapper().readValue(file.toFile(), new TypeReference<List<Diagnosis>>() { });
    }

    /** Records a diagnosis unless the run already has one of its kind (from an earlier attempt). */
    public synchronized void add(Diagnosis diagnosis) {
        if (found.stream().anyMatch(d -> d.kind() == diagnosis.kind())) {
            return;
        }
        found.add(diagnosis);
        log.accept(diagnosis.logLine());
        try {
            write();
        } catch (UncheckedIOException e) {
            // a full disk costs the file, not the run: the diagnosis is in the log and reaches the listeners
            log.accept("cannot keep the diagnosis in " + file.getFileName() + ": " + e.getCause().getMessage());
        }
        for (DiagnosisListener listener : listeners) {
            listener.onDiagnosis(diagnosis);
        }
    }

    public synchronized List<Diagnosis> all() {
        return List.copyOf(found);
    }

    private void write() {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Json.prettyWriter().writeValue(temporary.toFile(), found);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
