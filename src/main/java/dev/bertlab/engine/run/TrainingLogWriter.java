package dev.bertlab.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends the run's events to {@code training_log.jsonl}, one JSON object a line with a {@code type} of
 * {@code train}, {@code eval} or {@code notice}; flushed after every line so a crash loses nothing written.
 * A resumed run appends to the same file.
 */
public final class TrainingLogWriter implements TrainingEventListener, AutoCloseable {

    private static final ObjectMapper JSON = Json.mapper();

    private final BufferedWriter out;

    public TrainingLogWriter(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Override
    public void onStep(TrainingEvents.StepLogged step) {
        ObjectNode line = line("train");
        line.put("step", step.step());
        line.put("epoch", step.epoch());
        line.put("loss", step.loss());
        line.put("learning_rate", step.learningRate());
        line.put("grad_norm", step.gradNorm());
        line.put("samples_per_second", step.samplesPerSecond());
        line.put("tokens_per_second", step.tokensPerSecond());
        line.put("padding_share", step.paddingShare());
        line.put("elapsed_seconds", step.elapsedSeconds());
        write(line);
    }

    @Override
    public void onEvaluation(TrainingEvents.Evaluated evaluation) {
        ObjectNode line = line("eval");
        line.put("step", evaluation.step());
        line.put("epoch", evaluation.epoch());
        evaluation.metrics().forEach((name, value) -> line.put("eval_" + name, value));
        line.put("best", evaluation.best());
        write(line);
    }

    @Override
    public void onNotice(TrainingEvents.Notice notice) {
        ObjectNode line = line("notice");
        line.put("step", notice.step());
        line.put("kind", notice.kind());
        line.put("message", notice.message());
        write(line);
    }

    private ObjectNode line(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        node.put("time", Instant.now().toString());
        return node;
    }

    private synchronized void write(ObjectNode line) {
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training log", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
