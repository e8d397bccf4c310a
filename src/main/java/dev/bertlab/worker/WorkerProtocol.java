package dev.bertlab.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.bertlab.engine.json.Json;
import java.util.Optional;

/**
 * The wire between a worker process and its parent. Worker to parent: one {@link WorkerMessage} per line of
 * standard output, as JSON after a marker, so that whatever else a library prints there is told apart. Parent to
 * worker: the line {@value #STOP} on standard input asks it to stop at the next step and keep a checkpoint; the
 * end of standard input means the parent is gone.
 */
public final class WorkerProtocol {

    static final String MARKER = "@bertlab-worker ";
    public static final String STOP = "stop";

    // a parent reads the lines of a worker of another version: a field it does not know is skipped
    private static final ObjectReader READER = Json.mapper().readerFor(WorkerMessage.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WorkerProtocol() {
    }

    /** The message as one line, without its line break. */
    public static String line(WorkerMessage message) {
        try {
            return MARKER + Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    /** The message a line holds; empty for any other output of the worker (a library's log line). */
    public static Optional<WorkerMessage> parse(String line) {
        if (line == null || !line.startsWith(MARKER)) {
            return Optional.empty();
        }
        try {
            return Optional.of(READER.readValue(line.substring(MARKER.length())));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable message from a worker: " + e.getOriginalMessage(), e);
        }
    }
}
