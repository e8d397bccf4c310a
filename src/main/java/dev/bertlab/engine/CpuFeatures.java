package dev.bertlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What this machine's CPU can do, as Linux reports it in /proc/cpuinfo (nothing is known elsewhere). */
final class CpuFeatures {

    private static volatile List<String> flags;

    private CpuFeatures() {
    }

    /** Advanced Matrix Extensions: oneDNN computes "medium" float32 products in bfloat16 on them. */
    static boolean hasAmx() {
        return flags().stream().anyMatch(flag -> flag.startsWith("amx"));
    }

    private static List<String> flags() {
        List<String> known = flags;
        if (known == null) {
            known = List.of();
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("flags")) {
                        known = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: nothing known
            }
            flags = known;
        }
        return known;
    }
}
