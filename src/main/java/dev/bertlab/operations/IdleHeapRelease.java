package dev.bertlab.operations;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets an idle dashboard give its unused heap back to the operating system. G1 keeps the heap it grew to during start
 * (Vaadin, Hibernate, a model export) committed for good: about 800 MB resident for 200 MB in use. Two of its flags can
 * be changed while the JVM runs: a periodic collection when no other ran for a minute, and a heap that shrinks to
 * what is in use plus 30%. A flag set on the command line is left as it is.
 */
@Component
class IdleHeapRelease {

    private static final Logger log = LoggerFactory.getLogger(IdleHeapRelease.class);
    private static final Map<String, String> FLAGS = Map.of("G1PeriodicGCInterval", "60000",
            "MaxHeapFreeRatio", "30", "MinHeapFreeRatio", "10");

    private final boolean enabled;

    IdleHeapRelease(@Value("${bertlab.idle-heap-release:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        if (!enabled) {
            return;
        }
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // MinHeapFreeRatio must stay below MaxHeapFreeRatio at every step, so lower it first
        for (String flag : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
            try {
                VMOption option = hotspot.getVMOption(flag);
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    hotspot.setVMOption(flag, FLAGS.get(flag));
                }
            } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
                log.info("left the JVM's {} as it is: {}", flag, e.getMessage());
            }
        }
    }
}
