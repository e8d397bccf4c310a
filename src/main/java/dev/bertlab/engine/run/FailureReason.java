package dev.bertlab.engine.run;

/** What a person is told when a run fails: the error's message (and its cause's), never a stack trace. */
public final class FailureReason {

    private static final int MAX_LENGTH = 2000;

    private FailureReason() {
    }

    public static String of(Throwable failure) {
        String message = messageOf(failure);
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            String causeMessage = messageOf(cause);
            if (!message.contains(causeMessage)) {
                message = message + ": " + causeMessage;
            }
        }
        message = message.strip();
        return message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) + "..." : message;
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof OutOfMemoryError) {
            return "out of memory (" + message + "): lower the batch size or max_length, or give the JVM more heap";
        }
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
