package dev.bertlab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A run's {@code activity.log}: what the run page's log tail shows (preparation stages, training and evaluation
 * lines, notices, state changes), one human-readable line each. Kept in the run directory, so the tail of a
 * finished run, or of one that survived a restart, is still there. Each line is also published live.
 */
@Component
public class RunActivityLog {

    static final String FILE_NAME = "activity.log";
    private static final Logger LOG = LoggerFactory.getLogger(RunActivityLog.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final RunEvents events;

    public RunActivityLog(RunEvents events) {
        this.events = events;
    }

    public void append(TrainingRun run, String text) {
        append(run.getId(), run.getRunDirectory(), text);
    }

    public synchronized void append(long runId, String runDirectory, String text) {
        String line = LocalTime.now(ZoneId.systemDefault()).format(TIME) + "  " + text.replace('\n', ' ');
        if (runDirectory != null) {
            Path file = Path.of(runDirectory).resolve(FILE_NAME);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.warn("cannot write the activity log of run {}: {}", runId, e.getMessage());
            }
        }
        events.publish(new RunEvent.LogLine(runId, line));
    }

    /** Lines appended to a run's activity log since an offset, and the offset to read from next. */
    public record Appended(List<String> lines, long nextOffset) {
    }

    /**
     * The complete lines appended since {@code offset} (a line still being written waits for the next call); the
     * current end of the log when {@code offset} is negative (nothing read).
     */
    public static Appended appendedSince(String runDirectory, long offset) {
        Path file = Path.of(runDirectory).resolve(FILE_NAME);
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (offset < 0 || size <= offset) {
                return new Appended(List.of(), offset < 0 ? size : Math.min(offset, size));
            }
            byte[] bytes;
            try (var channel = Files.newByteChannel(file)) {
                channel.position(offset);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size - offset, 1 << 20));
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // fill
                }
                bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
            }
            int complete = bytes.length;
            while (complete > 0 && bytes[complete - 1] != '\n') {
                complete--;
            }
            String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
            List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\\R"));
            return new Appended(lines, offset + complete);
        } catch (IOException e) {
            LOG.debug("cannot read the activity log in {}: {}", runDirectory, e.getMessage());
            return new Appended(List.of(), Math.max(offset, 0));
        }
    }

    /** The last {@code count} lines. */
    public static List<String> tail(String runDirectory, int count) {
        if (runDirectory == null) {
            return List.of();
        }
        Path file = Path.of(runDirectory).resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(count + 1);
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                last.addLast(line);
                if (last.size() > count) {
                    last.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(cannot read the activity log: " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}
