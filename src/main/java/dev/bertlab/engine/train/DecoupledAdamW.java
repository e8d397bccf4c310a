package dev.bertlab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW as in PyTorch ({@code torch.optim.AdamW}) with BERT's parameter groups: decoupled weight decay on
 * weights, none on biases and LayerNorm. DJL's own AdamW decays every parameter and keeps its moments private,
 * which rules out both the groups and an exact resume; this one uses DJL's fused native Adam update and exposes
 * its state.
 *
 * <p>The caller tells it, before each optimizer step, which step it is (for the schedule and bias correction)
 * and by how much to scale the gradients (global-norm clipping, loss-scale removal).
 */
public final class DecoupledAdamW extends Optimizer {

    private final LearningRateSchedule schedule;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, Parameter> byId = new HashMap<>();
    private final Map<String, String> namesById = new HashMap<>();
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private int step;
    private float gradientScale = 1f;

    /**
     * @param parameters the model's parameters by name; names decide the decay group
     */
    public DecoupledAdamW(Map<String, Parameter> parameters, LearningRateSchedule schedule, Hyperparameters hp) {
        super(new NoBuilder());
        this.schedule = schedule;
        this.beta1 = hp.adamBeta1().floatValue();
        this.beta2 = hp.adamBeta2().floatValue();
        this.epsilon = hp.adamEpsilon().floatValue();
        this.weightDecay = hp.weightDecay().floatValue();
        parameters.forEach((name, parameter) -> {
            byId.put(parameter.getId(), parameter);
            namesById.put(parameter.getId(), name);
        });
    }

    /** Biases and LayerNorm weights are not decayed, as in BERT's original recipe and Hugging Face's Trainer. */
    public static boolean decays(String parameterName) {
        return !(parameterName.endsWith(".bias") || parameterName.contains("LayerNorm"));
    }

    /** Must be called before the optimizer step with 0-based index {@code step}. */
    public void beginStep(int step, float gradientScale) {
        this.step = step;
        this.gradientScale = gradientScale;
    }

    public double learningRate(int step) {
        return schedule.rate(step);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = step + 1;
        double correction1 = 1.0 - Math.pow(beta1, t);
        double correction2 = 1.0 - Math.pow(beta2, t);
        float rate = schedule.getNewValue(step);
        // DJL's kernel folds bias correction into the rate: w -= rate' * m / (sqrt(v) + eps'). With
        // eps' = eps * sqrt(correction2) this equals PyTorch's w -= rate/c1 * m / (sqrt(v/c2) + eps) exactly.
        float correctedRate = (float) (rate * Math.sqrt(correction2) / correction1);
        float correctedEpsilon = (float) (epsilon * Math.sqrt(correction2));
        String name = namesById.get(parameterId);
        float decay = name != null && decays(name) ? weightDecay : 0f;
        NDArray mean = means.computeIfAbsent(parameterId, id -> weight.zerosLike());
        NDArray variance = variances.computeIfAbsent(parameterId, id -> weight.zerosLike());
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight),
                rate, correctedRate, decay, gradientScale, -1f, beta1, beta2, correctedEpsilon, false, true);
    }

    /** First and second moments by parameter name, as {@code exp_avg.NAME} and {@code exp_avg_sq.NAME}. */
    public Map<String, float[]> exportState() {
        Map<String, float[]> state = new LinkedHashMap<>();
        means.forEach((id, array) -> state.put("exp_avg." + namesById.get(id), array.toFloatArray()));
        variances.forEach((id, array) -> state.put("exp_avg_sq." + namesById.get(id), array.toFloatArray()));
        return state;
    }

    /** Restores moments saved by {@link #exportState()}. */
    public void importState(Map<String, float[]> state) {
        byId.forEach((id, parameter) -> {
            String name = namesById.get(id);
            float[] mean = state.get("exp_avg." + name);
            float[] variance = state.get("exp_avg_sq." + name);
            if (mean == null || variance == null) {
                throw new IllegalArgumentException("optimizer state lacks the moments of " + name);
            }
            NDArray weight = parameter.getArray();
            NDArray m = means.computeIfAbsent(id, k -> weight.zerosLike());
            NDArray v = variances.computeIfAbsent(id, k -> weight.zerosLike());
            m.set(FloatBuffer.wrap(mean));
            v.set(FloatBuffer.wrap(variance));
        });
    }

    private static final class NoBuilder extends OptimizerBuilder<NoBuilder> {
        @Override
        protected NoBuilder self() {
            return this;
        }
    }
}
