package dev.bertlab.admin.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the admin page shows them (the server's time zone, to the minute). */
final class Moments {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Moments() {
    }

    static String format(Instant instant, String whenNull) {
        return instant == null ? whenNull : FORMAT.format(instant);
    }
}
