package dev.bertlab.engine;

import ai.djl.engine.Engine;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets and reads libtorch's float32 matmul precision, which DJL does not expose, through the C++ symbols
 * {@code libtorch_cpu.so} exports ({@code at::globalContext()}, {@code Context::setFloat32MatmulPrecision},
 * {@code Context::float32MatmulPrecision}). The setting is process-wide. Where a symbol is missing (another libtorch)
 * nothing changes and a notice says so.
 */
public final class LibTorchMatmul {

    private static final Logger LOG = LoggerFactory.getLogger(LibTorchMatmul.class);
    private static final String LIBRARY = "libtorch_cpu.so";
    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET = "_ZN2at7Context25setFloat32MatmulPrecisionENS_22Float32MatmulPrecisionE";
    private static final String GET = "_ZNK2at7Context22float32MatmulPrecisionEv";
    private static final int RTLD_LAZY = 1;

    /** What this process asked for last (null: nothing yet), so that a default never overrides a choice. */
    private static MatmulPrecision chosen;
    /** The process's own setting (the dashboard's {@code bertlab.matmul-precision}), used instead of the default. */
    private static MatmulPrecision preferred;

    private LibTorchMatmul() {
    }

    /**
     * The default precision for a model on a GPU or the CPU ({@link MatmulPrecision#defaultFor}), unless this process
     * has chosen one already (a run's own setting).
     */
    public static synchronized Optional<MatmulPrecision> ensureChosen(boolean onGpu) {
        if (chosen != null) {
            return current();
        }
        return set(preferred != null ? preferred : MatmulPrecision.defaultFor(onGpu));
    }

    /**
     * The precision this process's models use unless a run chooses its own; none: the default for the device. Does
     * not load libtorch: it is applied with the first model.
     */
    public static synchronized void prefer(MatmulPrecision precision) {
        preferred = precision;
    }

    /**
     * Asks libtorch for {@code precision} and reads back what it holds now.
     *
     * @return the precision in force, or empty (with the reason logged) where it cannot be set
     */
    public static synchronized Optional<MatmulPrecision> set(MatmulPrecision precision) {
        chosen = precision;
        try {
            NativeLibrary torch = library();
            Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
            torch.getFunction(SET).invokeVoid(new Object[] {context, precision.ordinal()});
            MatmulPrecision now = read(torch, context);
            if (now != precision) {
                LOG.warn("libtorch kept matmul precision {} when asked for {}", now, precision);
            }
            return Optional.of(now);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("cannot set libtorch's float32 matmul precision ({}); it stays at libtorch's default", e.toString());
            return Optional.empty();
        }
    }

    /** The precision libtorch holds now; empty where it cannot be read. */
    public static synchronized Optional<MatmulPrecision> current() {
        try {
            NativeLibrary torch = library();
            return Optional.of(read(torch, torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0])));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static MatmulPrecision read(NativeLibrary torch, Pointer context) {
        Function getter = torch.getFunction(GET);
        int value = getter.invokeInt(new Object[] {context});
        if (value < 0 || value >= MatmulPrecision.values().length) {
            throw new IllegalStateException("libtorch reports an unknown matmul precision " + value);
        }
        return MatmulPrecision.values()[value];
    }

    /** The libtorch that DJL loaded into this process (found in the process's memory map), opened once more. */
    private static NativeLibrary library() {
        Engine.getInstance(); // loads libtorch
        Path loaded = loadedLibrary().orElseThrow(() -> new IllegalStateException(LIBRARY + " is not loaded"));
        return NativeLibrary.getInstance(loaded.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
    }

    private static Optional<Path> loadedLibrary() {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.endsWith("/" + LIBRARY)).findFirst().map(Path::of);
        } catch (IOException | RuntimeException e) {
            String directory = ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
            return directory == null ? Optional.empty() : Optional.of(Path.of(directory).resolve(LIBRARY))
                    .filter(Files::exists);
        }
    }
}
