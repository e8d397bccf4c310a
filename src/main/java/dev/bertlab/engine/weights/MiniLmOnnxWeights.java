package dev.bertlab.engine.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BERT weights inside a sentence-transformers MiniLM ONNX export (all-MiniLM-L6-v2), under Hugging Face's
 * names. The export names its embeddings, biases and norms ({@code encoder.layer.0.output.LayerNorm.weight}) but
 * leaves the dense weights anonymous ({@code onnx::MatMul_787}, stored [in, out]); those are named after the MatMul
 * node that consumes them ({@code /encoder/layer.0/attention/self/query/MatMul}) and transposed to [out, in].
 * The export has no pooler.
 *
 * @param weights the parameters by Hugging Face name ({@code bert.*})
 * @param unmapped float initializers that matched no BERT parameter (empty for all-MiniLM-L6-v2)
 */
public record MiniLmOnnxWeights(Map<String, NamedTensor> weights, List<String> unmapped) {

    private static final Logger log = LoggerFactory.getLogger(MiniLmOnnxWeights.class);
    private static final String MATMUL_SUFFIX = "/MatMul";

    /**
     * Reads and names the weights of an ONNX export of a BERT encoder.
     *
     * @throws WeightFormatException if the file is not valid ONNX, or the embeddings or a layer up to the highest
     *         one found are incomplete
     */
    public static MiniLmOnnxWeights read(Path onnxFile) throws IOException {
        OnnxInitializerReader.Graph graph = OnnxInitializerReader.read(onnxFile);
        Map<String, OnnxInitializerReader.Node> matMulOfWeight = new HashMap<>();
        for (OnnxInitializerReader.Node node : graph.nodes()) {
            if (node.opType().equals("MatMul") && node.inputs().size() == 2
                    && graph.initializers().containsKey(node.inputs().get(1))) {
                matMulOfWeight.put(node.inputs().get(1), node);
            }
        }
        Map<String, NamedTensor> weights = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (NamedTensor initializer : graph.initializers().values()) {
            OnnxInitializerReader.Node matMul = matMulOfWeight.get(initializer.name());
            String target = matMul != null ? nameOfMatMulWeight(matMul.name()) : nameOfNamedInitializer(
                    initializer.name());
            if (target == null || !BertParameterNames.isKnown(target)) {
                unmapped.add(initializer.name());
                continue;
            }
            // a MatMul multiplies activations [.., in] by this [in, out] matrix; PyTorch keeps Linear weights [out, in]
            NamedTensor tensor = matMul != null ? initializer.transposed(target) : initializer.renamed(target);
            if (weights.put(target, tensor) != null) {
                throw new WeightFormatException(onnxFile, "two initializers map to " + target);
            }
        }
        for (String name : graph.otherInitializers().keySet()) {
            // embeddings.position_ids (INT64) is a constant 0..511, not a weight
            log.debug("{}: skipping non-float initializer {}", onnxFile, name);
        }
        if (!unmapped.isEmpty()) {
            log.warn("{}: {} float initializers match no BERT parameter and are ignored: {}", onnxFile,
                    unmapped.size(), unmapped);
        }
        int layers = BertParameterNames.layerCount(weights.keySet());
        Set<String> missing = BertParameterNames.missing(weights.keySet());
        if (layers == 0 || !missing.isEmpty()) {
            throw new WeightFormatException(onnxFile, "does not hold a complete BERT encoder: found "
                    + weights.size() + " parameters over " + layers + " layers, missing "
                    + (missing.isEmpty() ? "every encoder layer" : missing));
        }
        return new MiniLmOnnxWeights(Collections.unmodifiableMap(weights), List.copyOf(unmapped));
    }

    /** The number of transformer layers read. */
    public int layerCount() {
        return BertParameterNames.layerCount(weights.keySet());
    }

    /** {@code /encoder/layer.0/attention/self/query/MatMul} to {@code bert.encoder.layer.0.attention.self.query.weight}. */
    static String nameOfMatMulWeight(String nodeName) {
        if (!nodeName.startsWith("/") || !nodeName.endsWith(MATMUL_SUFFIX)) {
            return null;
        }
        String module = nodeName.substring(1, nodeName.length() - MATMUL_SUFFIX.length()).replace('/', '.');
        return "bert." + module + ".weight";
    }

    /** {@code encoder.layer.0.output.dense.bias} to {@code bert.encoder.layer.0.output.dense.bias}. */
    static String nameOfNamedInitializer(String name) {
        if (name.startsWith("embeddings.") || name.startsWith("encoder.") || name.startsWith("pooler.")) {
            return "bert." + name;
        }
        return name.startsWith("bert.") ? name : null;
    }
}
