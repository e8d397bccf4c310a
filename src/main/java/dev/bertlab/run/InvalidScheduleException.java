package dev.bertlab.run;

/** A schedule that cannot be stored: a bad cron expression, a time in the past. The message says which. */
public class InvalidScheduleException extends IllegalArgumentException {

    public InvalidScheduleException(String message) {
        super(message);
    }
}
