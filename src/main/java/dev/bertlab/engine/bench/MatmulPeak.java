package dev.bertlab.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** This machine's float32 matrix-multiply rate through the engine: the ceiling model-FLOPs utilisation divides by. */
final class MatmulPeak {

    private MatmulPeak() {
    }

    /** Best of several timed products of two n x n matrices, in FLOP/s. */
    static double measure(Device device, int n, int repeats) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray a = manager.randomNormal(new Shape(n, n));
            NDArray b = manager.randomNormal(new Shape(n, n));
            a.matMul(b).getFloat(0, 0);
            double[] seconds = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0);
                seconds[i] = (System.nanoTime() - start) / 1e9;
                c.close();
            }
            return 2.0 * n * n * n / Arrays.stream(seconds).min().orElseThrow();
        }
    }
}
