package dev.bertlab.classify.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import dev.bertlab.classify.ClassificationResult;
import dev.bertlab.classify.ClassificationService;
import dev.bertlab.classify.ClassifierBusyException;
import dev.bertlab.classify.InvalidClassificationException;
import dev.bertlab.classify.ModelNotFoundException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies what a user types off the UI thread, at most one request at a time per page: text typed while a
 * request runs replaces any earlier pending text, and only the newest is classified next. So fast typing never
 * queues stale work and the shown result always belongs to the latest text.
 */
final class LiveClassification {

    /** What the page shows; always called on the UI thread. */
    interface Display {
        void working();

        void show(String text, ClassificationResult result);

        void problem(String message);
    }

    private static final Logger log = LoggerFactory.getLogger(LiveClassification.class);

    private final Component owner;
    private final ClassificationService service;
    private final Supplier<String> model;
    private final Display display;
    private boolean running;
    private String pending;
    /** Counts requests and clears: a result is shown only if nothing was asked for since it was started. */
    private long generation;

    LiveClassification(Component owner, ClassificationService service, Supplier<String> model, Display display) {
        this.owner = owner;
        this.service = service;
        this.model = model;
        this.display = display;
    }

    /** Classifies the text now, or as soon as the running request is done. Call on the UI thread. */
    void request(String text) {
        generation++;
        if (running) {
            pending = text;
            return;
        }
        start(text);
    }

    /** Forgets pending text and drops the result of a running request (the text was cleared). */
    void clear() {
        generation++;
        pending = null;
    }

    private void start(String text) {
        long asked = generation;
        UI ui = owner.getUI().orElse(null);
        if (ui == null) {
            return;
        }
        running = true;
        display.working();
        service.classifyAsync(List.of(text), model.get()).whenComplete((result, error) -> {
            try {
                ui.access(() -> finished(text, asked, result, error));
            } catch (UIDetachedException gone) {
                // the user left the page; nothing to show
            }
        });
    }

    private void finished(String text, long asked, ClassificationResult result, Throwable error) {
        running = false;
        if (pending != null) {
            String next = pending;
            pending = null;
            start(next);
            return;
        }
        if (asked != generation) {
            return;
        }
        if (error == null) {
            display.show(text, result);
        } else {
            display.problem(message(error));
        }
    }

    static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof InvalidClassificationException || cause instanceof ModelNotFoundException) {
            return capitalized(cause.getMessage());
        }
        if (cause instanceof ClassifierBusyException) {
            return "The classifier is busy with other requests right now; your text will be classified when you "
                    + "type again, or try in a moment.";
        }
        log.warn("live classification failed", cause);
        return "Classification failed: " + cause.getMessage();
    }

    private static String capitalized(String message) {
        return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0))
                + message.substring(1);
    }
}
