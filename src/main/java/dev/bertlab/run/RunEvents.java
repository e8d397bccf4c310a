package dev.bertlab.run;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-process publisher of run events: run pages subscribe to one run, lists to all. A failing listener (a
 * closed browser tab) never disturbs the run or the other listeners.
 */
@Component
public class RunEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

    private final Map<Long, List<Consumer<RunEvent>>> byRun = new ConcurrentHashMap<>();
    private final List<Consumer<RunEvent>> everyRun = new CopyOnWriteArrayList<>();

    /** Events of one run until the registration is removed (remove it when the page detaches). */
    public Registration subscribe(long runId, Consumer<RunEvent> listener) {
        List<Consumer<RunEvent>> listeners = byRun.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>());
        listeners.add(listener);
        return () -> {
            listeners.remove(listener);
            byRun.computeIfPresent(runId, (id, list) -> list.isEmpty() ? null : list);
        };
    }

    /** Events of every run. */
    public Registration subscribeAll(Consumer<RunEvent> listener) {
        everyRun.add(listener);
        return () -> everyRun.remove(listener);
    }

    public void publish(RunEvent event) {
        deliver(byRun.getOrDefault(event.runId(), List.of()), event);
        deliver(everyRun, event);
    }

    /**
     * Publishes once the current transaction commits (at once without one), so listeners read what it wrote. The
     * committed transaction is still bound to the thread while listeners run: a listener that writes must do so in a
     * new transaction ({@code Propagation.REQUIRES_NEW}), or its writes are silently lost.
     */
    public void publishAfterCommit(RunEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publish(event);
            }
        });
    }

    private static void deliver(List<Consumer<RunEvent>> listeners, RunEvent event) {
        for (Consumer<RunEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("a run event listener failed on {}", event, e);
            }
        }
    }
}
