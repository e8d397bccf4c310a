package dev.bertlab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.bertlab.engine.weights.NamedTensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Moves weights between an initialised {@link BertModel} and named float tensors (Hugging Face names). */
public final class BertWeights {

    private BertWeights() {
    }

    /**
     * Copies every tensor whose name the model has into it; parameters without a tensor keep their random
     * initialisation. A tensor of the right name but the wrong shape is an error: it means the checkpoint and
     * the configuration disagree, and silently skipping it would train a different model than asked for.
     */
    public static WeightLoadReport apply(BertModel model, Map<String, NamedTensor> tensors) {
        List<String> loaded = new ArrayList<>();
        List<String> random = new ArrayList<>();
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            NamedTensor tensor = tensors.get(entry.getKey());
            if (tensor == null) {
                random.add(entry.getKey());
                continue;
            }
            NDArray array = entry.getValue().getArray();
            long[] expected = array.getShape().getShape();
            if (!Arrays.equals(expected, tensor.shape())) {
                throw new IllegalArgumentException("weight " + entry.getKey() + " has shape "
                        + Arrays.toString(tensor.shape()) + " but the model expects " + Arrays.toString(expected));
            }
            array.set(FloatBuffer.wrap(tensor.values()));
            loaded.add(entry.getKey());
        }
        TreeSet<String> unused = new TreeSet<>(tensors.keySet());
        unused.removeAll(model.namedParameters().keySet());
        return new WeightLoadReport(loaded, random, new ArrayList<>(unused));
    }

    /** A copy of every parameter, in declaration order. */
    public static Map<String, NamedTensor> snapshot(BertModel model) {
        Map<String, NamedTensor> tensors = new LinkedHashMap<>();
        model.namedParameters().forEach((name, parameter) -> {
            NDArray array = parameter.getArray();
            tensors.put(name, new NamedTensor(name, array.getShape().getShape(), array.toFloatArray()));
        });
        return tensors;
    }
}
