package dev.bertlab.run.ui;

import dev.bertlab.run.TrainingRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as the run pages show them (in the server's time zone, like the schedules). */
final class TimeText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private TimeText() {
    }

    static String instant(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "1 h 02 min", "3 min 05 s", "12 s". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return seconds + " s";
    }

    /** How long the run trained (so far). */
    static String runDuration(TrainingRun run) {
        if (run.getStartedAt() == null) {
            return "";
        }
        Instant end = run.getFinishedAt() != null ? run.getFinishedAt() : Instant.now();
        return duration(Duration.between(run.getStartedAt(), end));
    }

    static String eta(Double seconds) {
        return seconds == null || !Double.isFinite(seconds) ? "" : "ETA " + duration(Duration.ofSeconds(Math.round(seconds)));
    }

    static String metric(Double value) {
        return value == null || !Double.isFinite(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
