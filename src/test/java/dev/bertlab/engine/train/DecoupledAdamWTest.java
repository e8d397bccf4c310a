package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoupledAdamWTest {

    private static final Hyperparameters HP = Hyperparameters.builder().learningRate(1e-2).weightDecay(0.1)
            .build();

    private static Map<String, Parameter> parameters(NDManager manager, float[] weight, float[] bias) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (var entry : Map.of("layer.weight", weight, "layer.bias", bias).entrySet()) {
            Parameter parameter = Parameter.builder().setName(entry.getKey()).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(entry.getValue().length)).optInitializer(Initializer.ZEROS).build();
            parameter.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32);
            parameter.getArray().set(FloatBuffer.wrap(entry.getValue()));
            parameters.put(entry.getKey(), parameter);
        }
        return new java.util.TreeMap<>(parameters);
    }

    /** Gradient of sum(c * p) is c, so each step's gradient is known exactly. */
    private static void backward(Map<String, Parameter> parameters, float[] coefficients) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (Parameter p : parameters.values()) {
                NDArray array = p.getArray();
                NDArray term = array.mul(array.getManager().create(coefficients).get("0:" + array.size())).sum();
                loss = loss == null ? term : loss.add(term);
            }
            collector.backward(loss);
        }
    }

    @Test
    void matchesPyTorchsAdamWOnEveryElementAndSkipsDecayOnBiases() {
        float[] w0 = {0.5f, -1.0f, 2.0f};
        float[] b0 = {0.25f, 0.75f, -0.5f};
        float[] coefficients = {0.3f, -2.0f, 0.0f};
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, Parameter> parameters = parameters(manager, w0, b0);
            DecoupledAdamW adamw = new DecoupledAdamW(parameters,
                    new LearningRateSchedule(Hyperparameters.Scheduler.CONSTANT, 1e-2, 0, 10), HP);
            for (int step = 0; step < 3; step++) {
                backward(parameters, coefficients);
                adamw.beginStep(step, 0.5f);
                adamw.applyStep();
            }
            float[] w = parameters.get("layer.weight").getArray().toFloatArray();
            float[] b = parameters.get("layer.bias").getArray().toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertThat(w[i]).isCloseTo((float) reference(w0[i], 0.5 * coefficients[i], 0.1), within(1e-6f));
                assertThat(b[i]).isCloseTo((float) reference(b0[i], 0.5 * coefficients[i], 0.0), within(1e-6f));
            }
            // an element with zero gradient only decays, and only if it is a weight
            assertThat(b[2]).isEqualTo(b0[2]);
            assertThat(parameters.get("layer.weight").getArray().getGradient().toFloatArray())
                    .containsOnly(0f);
        }
    }

    @Test
    void theFusedHostUpdateEqualsDjlsNativeKernel() {
        float[] w0 = new float[1000];
        float[] b0 = new float[1000];
        float[] coefficients = new float[1000];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 1000; i++) {
            w0[i] = (float) random.nextGaussian();
            b0[i] = (float) random.nextGaussian();
            coefficients[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, Parameter> fused = parameters(manager, w0, b0);
            Map<String, Parameter> kernel = parameters(manager, w0, b0);
            LearningRateSchedule schedule = new LearningRateSchedule(Hyperparameters.Scheduler.LINEAR, 1e-2, 2, 10);
            DecoupledAdamW a = new DecoupledAdamW(fused, schedule, HP);
            DecoupledAdamW b = new DecoupledAdamW(kernel, schedule, HP);
            for (int step = 0; step < 5; step++) {
                backward(fused, coefficients);
                a.beginStep(step, 0.7f);
                a.applyStep();
                backward(kernel, coefficients);
                b.beginStep(step, 0.7f);
                for (Parameter p : kernel.values()) {
                    b.update(p.getId(), p.getArray(), p.getArray().getGradient());
                }
            }
            for (String name : fused.keySet()) {
                float[] x = fused.get(name).getArray().toFloatArray();
                float[] y = kernel.get(name).getArray().toFloatArray();
                for (int i = 0; i < x.length; i++) {
                    assertThat(x[i]).as("%s[%d]", name, i).isCloseTo(y[i], within(2e-6f));
                }
            }
        }
    }

    /** torch.optim.AdamW with a constant gradient g, lr 1e-2, betas (0.9, 0.999), eps 1e-8, three steps. */
    private static double reference(double p, double g, double decay) {
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 3; t++) {
            p *= 1 - 1e-2 * decay;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double denominator = Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
            p -= 1e-2 / (1 - Math.pow(0.9, t)) * m / denominator;
        }
        return p;
    }
}
