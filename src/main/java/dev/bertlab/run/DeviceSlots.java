package dev.bertlab.run;

import ai.djl.engine.Engine;
import dev.bertlab.config.BertLabProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The places a run can train: {@code bertlab.cpu-slots} slots on the CPU ({@code cpu-1}, {@code cpu-2}, ...) and
 * one per GPU ({@code cuda:0}, ...). The GPUs are counted once, when first needed: counting loads PyTorch.
 */
@Component
public class DeviceSlots {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeviceSlots.class);

    private final int cpuSlots;
    private final IntSupplier gpuCounter;
    private volatile Integer gpus;

    @Autowired
    public DeviceSlots(BertLabProperties properties) {
        this(properties.cpuSlots(), () -> Engine.getInstance().getGpuCount());
    }

    DeviceSlots(int cpuSlots, IntSupplier gpuCounter) {
        this.cpuSlots = cpuSlots;
        this.gpuCounter = gpuCounter;
    }

    public List<String> all() {
        List<String> slots = new ArrayList<>(cpuSlots());
        slots.addAll(gpuSlots());
        return slots;
    }

    /**
     * The slots a run asking for {@code device} may take, in order of preference; empty when this machine has
     * none ("cuda" without a GPU).
     */
    public List<String> candidates(String device) {
        String request = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
        return switch (request) {
            case "auto" -> gpus() > 0 ? gpuSlots() : cpuSlots();
            case "cpu" -> cpuSlots();
            case "cuda", "gpu" -> gpuSlots();
            default -> {
                String slot = "cuda:" + request.substring(request.indexOf(':') + 1);
                yield request.matches("(cuda|gpu):\\d+") && gpuSlots().contains(slot) ? List.of(slot) : List.of();
            }
        };
    }

    /** What the engine is told: "cpu" for every CPU slot, the GPU itself for a GPU slot. */
    public static String engineDevice(String slot) {
        return slot.startsWith("cpu") ? "cpu" : slot;
    }

    /** Why no slot will ever take a run asking for {@code device}. */
    public String unavailable(String device) {
        return "no slot for device " + device + " on this machine (it has " + gpus() + " GPU(s) and "
                + cpuSlots + " CPU slot(s))";
    }

    private List<String> cpuSlots() {
        List<String> slots = new ArrayList<>();
        for (int i = 1; i <= cpuSlots; i++) {
            slots.add("cpu-" + i);
        }
        return slots;
    }

    private List<String> gpuSlots() {
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < gpus(); i++) {
            slots.add("cuda:" + i);
        }
        return slots;
    }

    private int gpus() {
        Integer count = gpus;
        if (count == null) {
            try {
                count = gpuCounter.getAsInt();
            } catch (RuntimeException | LinkageError e) {
                // the engine will not load: the runs fail with its message; the queue itself keeps working
                LOG.warn("cannot count the GPUs ({}); only CPU slots", e.toString());
                count = 0;
            }
            gpus = count;
        }
        return count;
    }
}
