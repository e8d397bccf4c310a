package dev.bertlab.run;

import java.text.ParseException;
import java.util.Locale;
import org.quartz.CronExpression;

/**
 * Cron text as people write it. Quartz wants seconds first and a '?' in one of the two day fields; a classic
 * five-field Unix line ({@code 0 1 * * *}: 01:00 every day) is translated, and "nightly" means 01:00.
 */
public final class CronText {

    public static final String NIGHTLY = "0 0 1 * * ?";

    private CronText() {
    }

    /**
     * @throws InvalidScheduleException with what is wrong, for the form
     */
    public static String toQuartz(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidScheduleException("enter a cron expression, e.g. 0 1 * * * (every day at 01:00)");
        }
        String trimmed = text.trim().replaceAll("\\s+", " ");
        if (trimmed.toLowerCase(Locale.ROOT).equals("nightly")) {
            return NIGHTLY;
        }
        String[] fields = trimmed.split(" ");
        if (fields.length < 5 || fields.length > 7) {
            throw new InvalidScheduleException("a cron expression has five fields (minute hour day-of-month month "
                    + "day-of-week), e.g. 0 1 * * * for every night at 01:00; this one has " + fields.length);
        }
        String quartz = fields.length == 5 ? fromUnix(fields) : trimmed;
        try {
            CronExpression.validateExpression(quartz);
        } catch (ParseException e) {
            throw new InvalidScheduleException("not a valid cron expression: " + e.getMessage()
                    + " (five fields: minute hour day-of-month month day-of-week, e.g. 0 1 * * *)");
        }
        return quartz;
    }

    private static String fromUnix(String[] f) {
        String dayOfMonth = f[2];
        String dayOfWeek = f[4];
        if (dayOfWeek.equals("*")) {
            dayOfWeek = "?";
        } else if (dayOfMonth.equals("*")) {
            dayOfMonth = "?";
            dayOfWeek = unixDaysOfWeek(dayOfWeek);
        }
        return String.join(" ", "0", f[0], f[1], dayOfMonth, f[3], dayOfWeek);
    }

    /** Unix counts Sunday as 0 (or 7), Quartz as 1. */
    private static String unixDaysOfWeek(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('1' + (c - '0') % 7) : c);
        }
        return out.toString();
    }
}
