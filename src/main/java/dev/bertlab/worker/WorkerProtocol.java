package dev.bertlab.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WorkerProtocol() {
    }

    /** The message as one line, without its line break. */
    public static String line(WorkerMessage message) {
        try {
            return MARKER + JSON.writeValueAsString(message);
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
            return Optional.of(JSON.readValue(line.substring(MARKER.length()), WorkerMessage.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable message from a worker: " + e.getOriginalMessage(), e);
        }
    }
}
