package dev.bertlab.engine.train;

import java.util.Locale;

/**
 * Recognises an allocation failure of the native engine (CUDA or CPU) among its exceptions. Public for the
 * debugging assistant, which diagnoses a run that failed this way.
 */
public final class OutOfMemory {

    private OutOfMemory() {
    }

    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            String message = t.getMessage();
            if (message != null) {
                String text = message.toLowerCase(Locale.ROOT);
                if (text.contains("out of memory") || text.contains("can't allocate memory")
                        || text.contains("cannot allocate memory") || text.contains("failed to allocate")) {
                    return true;
                }
            }
        }
        return false;
    }
}
