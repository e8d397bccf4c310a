package dev.bertlab.engine.onnx;

import static dev.bertlab.engine.onnx.OnnxModelBuilder.Attribute.integer;
import static dev.bertlab.engine.onnx.OnnxModelBuilder.Attribute.ints;
import static dev.bertlab.engine.onnx.OnnxModelBuilder.Attribute.real;

import dev.bertlab.engine.io.FileReplacement;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.weights.NamedTensor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a fine-tuned BERT classifier (or regressor) as an ONNX graph: inputs {@code input_ids},
 * {@code attention_mask}, {@code token_type_ids} (int64 [batch, sequence]), output {@code logits}
 * (float [batch, labels]), the same computation as {@link dev.bertlab.engine.model.BertModel} in inference.
 *
 * <p>{@link Operators#ONNX_RUNTIME} (the default for serving) uses ONNX Runtime's fused contrib operators, one
 * {@code Attention} per layer, {@code SkipLayerNormalization} and {@code BiasGelu}, which its CPU kernels run in far
 * fewer passes over memory than the dozen standard operators each replaces. {@link Operators#STANDARD} writes only
 * opset-17 operators, for runtimes other than ONNX Runtime.
 */
public final class BertOnnxExporter {

    /** ONNX operator set of the default domain; 17 brings LayerNormalization. */
    public static final long OPSET = 17;
    /** BERT's additive mask value, as in the DJL graph and ONNX Runtime's Attention. */
    private static final float MASKED_SCORE = -10000f;

    /** Which operators the graph is written with. */
    public enum Operators {
        STANDARD,
        ONNX_RUNTIME,
        /**
         * ONNX Runtime's operators with every linear layer's weights in int8 (per-column scales) and its inputs
         * quantized on the fly ({@code QAttention}, {@code DynamicQuantizeMatMul}): a quarter of the weights' bytes
         * and the CPU's int8 dot-product instructions, at some accuracy, which is measured before it is offered.
         */
        ONNX_RUNTIME_INT8;

        boolean quantized() {
            return this == ONNX_RUNTIME_INT8;
        }
    }

    private final BertConfig config;
    private final Map<String, NamedTensor> weights;
    private final Operators operators;
    private final OnnxModelBuilder graph = new OnnxModelBuilder(OPSET);
    private final java.util.Set<String> written = new java.util.HashSet<>();

    private BertOnnxExporter(BertConfig config, Map<String, NamedTensor> weights, Operators operators) {
        this.config = config;
        this.weights = weights;
        this.operators = operators;
    }

    /**
     * Writes the graph to {@code target} atomically (a temporary file beside it, then a move), so that a reader never
     * sees half a model.
     *
     * @param weights every tensor by Hugging Face name, including {@code bert.pooler.*} and {@code classifier.*}
     * @param metadata written into the model's metadata (labels, max length, ...)
     */
    public static void write(Path target, BertConfig config, Map<String, NamedTensor> weights, Operators operators,
            Map<String, String> metadata) throws IOException {
        if (!weights.containsKey("classifier.weight") || !weights.containsKey("bert.pooler.dense.weight")) {
            throw new IllegalArgumentException("only a model with a pooler and a classifier head can be exported");
        }
        BertOnnxExporter exporter = new BertOnnxExporter(config, weights, operators);
        exporter.build();
        metadata.forEach(exporter.graph::metadata);
        exporter.graph.metadata("operators", operators.name().toLowerCase(java.util.Locale.ROOT));
        FileReplacement.write(target, temporary -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
                exporter.graph.writeTo(out, producerVersion());
            }
        });
    }

    private void build() {
        long labels = weights.get("classifier.weight").shape()[0];
        graph.input("input_ids", OnnxModelBuilder.INT64, "batch", "sequence");
        graph.input("attention_mask", OnnxModelBuilder.INT64, "batch", "sequence");
        graph.input("token_type_ids", OnnxModelBuilder.INT64, "batch", "sequence");
        graph.output("logits", OnnxModelBuilder.FLOAT, "batch", labels);

        String hidden = embeddings();
        String mask = operators != Operators.STANDARD
                ? graph.op("Cast", List.of("attention_mask"), integer("to", OnnxModelBuilder.INT32))
                : additiveMask();
        for (int layer = 0; layer < config.numLayers(); layer++) {
            String prefix = "bert.encoder.layer." + layer + ".";
            hidden = operators.quantized() ? quantizedLayer(prefix, hidden, mask) : layer(prefix, hidden, mask);
        }
        // the pooler and classifier stay in float in every variant: tiny, and their errors land on the logits
        String cls = graph.op("Gather", List.of(hidden, graph.longInitializer("cls_index", new long[0], 0)),
                integer("axis", 1));
        String pooled = graph.op("Tanh", List.of(linear(cls, "bert.pooler.dense")));
        graph.rename(linear(pooled, "classifier"), "logits");
    }

    private String embeddings() {
        String length = graph.op("Shape", List.of("input_ids"), integer("start", 1), integer("end", 2));
        String positions = graph.op("Slice", List.of(weight("bert.embeddings.position_embeddings.weight"),
                graph.longInitializer("zero", new long[] {1}, 0), length,
                graph.longInitializer("axis_zero", new long[] {1}, 0)));
        String words = operators.quantized() ? quantizedWordEmbeddings()
                : graph.op("Gather", List.of(weight("bert.embeddings.word_embeddings.weight"), "input_ids"));
        String types = graph.op("Gather", List.of(weight("bert.embeddings.token_type_embeddings.weight"),
                "token_type_ids"));
        String sum = graph.op("Add", List.of(graph.op("Add", List.of(words, positions)), types));
        return layerNorm(sum, "bert.embeddings.LayerNorm");
    }

    /**
     * The word-embedding table in int8 with one scale per token (it is most of a small model's bytes): the rows of the
     * input's tokens are gathered, then scaled back to float.
     */
    private String quantizedWordEmbeddings() {
        NamedTensor table = tensor("bert.embeddings.word_embeddings.weight");
        int rows = (int) table.shape()[0];
        int columns = (int) table.shape()[1];
        Int8Columns quantized = Int8Columns.quantizeRows(table.values(), rows, columns);
        String values = graph.int8Initializer("bert.embeddings.word_embeddings.weight_int8", table.shape(),
                quantized.values());
        String scales = graph.floatInitializer("bert.embeddings.word_embeddings.weight_scale", new long[] {rows, 1},
                quantized.scales());
        String gathered = graph.op("Cast", List.of(graph.op("Gather", List.of(values, "input_ids"))),
                integer("to", OnnxModelBuilder.FLOAT));
        return graph.op("Mul", List.of(gathered, graph.op("Gather", List.of(scales, "input_ids"))));
    }

    /** [B, S] of 1/0 to the additive [B, 1, 1, S] mask: 0 where a token is real, -10000 on padding. */
    private String additiveMask() {
        String mask = graph.op("Cast", List.of("attention_mask"), integer("to", OnnxModelBuilder.FLOAT));
        String padding = graph.op("Sub", List.of(scalar("one", 1f), mask));
        String additive = graph.op("Mul", List.of(padding, scalar("masked_score", MASKED_SCORE)));
        return graph.op("Unsqueeze", List.of(additive, graph.longInitializer("mask_axes", new long[] {2}, 1, 2)));
    }

    private String layer(String prefix, String hidden, String mask) {
        String attention = prefix + "attention.";
        if (operators == Operators.ONNX_RUNTIME) {
            String context = graph.opIn(OnnxModelBuilder.ORT_DOMAIN, "Attention", List.of(hidden,
                    fusedQkvWeight(attention + "self."), fusedQkvBias(attention + "self."), mask),
                    integer("num_heads", config.numHeads()));
            String attended = skipLayerNorm(matMul(context, attention + "output.dense"), hidden,
                    attention + "output.dense", attention + "output.LayerNorm");
            String intermediate = graph.opIn(OnnxModelBuilder.ORT_DOMAIN, "BiasGelu", List.of(
                    matMul(attended, prefix + "intermediate.dense"), weight(prefix + "intermediate.dense.bias")));
            return skipLayerNorm(matMul(intermediate, prefix + "output.dense"), attended, prefix + "output.dense",
                    prefix + "output.LayerNorm");
        }
        String attended = layerNorm(graph.op("Add", List.of(
                linear(selfAttention(attention + "self.", hidden, mask), attention + "output.dense"), hidden)),
                attention + "output.LayerNorm");
        String intermediate = gelu(linear(attended, prefix + "intermediate.dense"));
        return layerNorm(graph.op("Add", List.of(linear(intermediate, prefix + "output.dense"), attended)),
                prefix + "output.LayerNorm");
    }

    /**
     * A layer whose six linear layers run in int8: Q, K and V inside ONNX Runtime's QAttention (the input quantized
     * once, the attention core fused as in the float graph), the other three by DynamicQuantizeMatMul; softmax, GELU
     * and the norms stay in float.
     */
    private String quantizedLayer(String prefix, String hidden, String mask) {
        String attention = prefix + "attention.";
        List<String> quantizedInput = graph.opWithOutputs("DynamicQuantizeLinear", List.of(hidden), 3);
        String[] qkv = quantizedQkvWeight(attention + "self.");
        String context = graph.opIn(OnnxModelBuilder.ORT_DOMAIN, "QAttention", List.of(quantizedInput.get(0),
                qkv[0], fusedQkvBias(attention + "self."), quantizedInput.get(1), qkv[1], mask,
                quantizedInput.get(2)), integer("num_heads", config.numHeads()));
        String attended = skipLayerNorm(quantizedLinear(context, attention + "output.dense"), hidden, null,
                attention + "output.LayerNorm");
        String intermediate = graph.opIn(OnnxModelBuilder.ORT_DOMAIN, "Gelu", List.of(
                quantizedLinear(attended, prefix + "intermediate.dense")));
        return skipLayerNorm(quantizedLinear(intermediate, prefix + "output.dense"), attended, null,
                prefix + "output.LayerNorm");
    }

    /** x W + b with W in int8 per column and x quantized per call: ONNX Runtime's DynamicQuantizeMatMul. */
    private String quantizedLinear(String input, String prefix) {
        NamedTensor transposed = tensor(prefix + ".weight").transposed(prefix + ".weight_t");
        int rows = (int) transposed.shape()[0];
        int columns = (int) transposed.shape()[1];
        Int8Columns quantized = Int8Columns.quantize(transposed.values(), rows, columns);
        String weight = graph.int8Initializer(prefix + ".weight_int8", transposed.shape(), quantized.values());
        String scale = graph.floatInitializer(prefix + ".weight_scale", new long[] {columns}, quantized.scales());
        return graph.opIn(OnnxModelBuilder.ORT_DOMAIN, "DynamicQuantizeMatMul", List.of(input, weight, scale, "",
                weight(prefix + ".bias")));
    }

    /** Q, K and V's weights side by side in int8, [hidden, 3 hidden], and their per-column scales. */
    private String[] quantizedQkvWeight(String prefix) {
        int h = config.hiddenSize();
        Int8Columns quantized = Int8Columns.quantize(fusedQkvValues(prefix), h, 3 * h);
        return new String[] {
            graph.int8Initializer(prefix + "qkv.weight_int8", new long[] {h, 3L * h}, quantized.values()),
            graph.floatInitializer(prefix + "qkv.weight_scale", new long[] {3L * h}, quantized.scales())};
    }

    private String selfAttention(String prefix, String hidden, String mask) {
        return attentionCore(linear(hidden, prefix + "query"), linear(hidden, prefix + "key"),
                linear(hidden, prefix + "value"), mask);
    }

    /** Multi-head scaled dot-product attention of projected queries, keys and values [B, S, H]. */
    private String attentionCore(String queries, String keys, String values, String mask) {
        long heads = config.numHeads();
        long headSize = config.headSize();
        String split = graph.longInitializer(graph.fresh("heads_shape"), new long[] {4}, 0, 0, heads, headSize);
        String query = graph.op("Transpose", List.of(graph.op("Reshape", List.of(queries, split))),
                ints("perm", 0, 2, 1, 3));
        String keyT = graph.op("Transpose", List.of(graph.op("Reshape", List.of(keys, split))),
                ints("perm", 0, 2, 3, 1));
        String value = graph.op("Transpose", List.of(graph.op("Reshape", List.of(values, split))),
                ints("perm", 0, 2, 1, 3));
        String scores = graph.op("Add", List.of(graph.op("Mul", List.of(graph.op("MatMul", List.of(query, keyT)),
                scalar(graph.fresh("scale"), (float) (1 / Math.sqrt(headSize))))), mask));
        String probabilities = graph.op("Softmax", List.of(scores), integer("axis", -1));
        String context = graph.op("Transpose", List.of(graph.op("MatMul", List.of(probabilities, value))),
                ints("perm", 0, 2, 1, 3));
        return graph.op("Reshape", List.of(context, graph.longInitializer(graph.fresh("merge_shape"),
                new long[] {3}, 0, 0, config.hiddenSize())));
    }

    /** Exact GELU, 0.5 x (1 + erf(x / sqrt 2)), in the pattern ONNX Runtime fuses into one kernel. */
    private String gelu(String x) {
        String erf = graph.op("Erf", List.of(graph.op("Div", List.of(x, scalar(graph.fresh("sqrt2"),
                (float) Math.sqrt(2))))));
        String onePlus = graph.op("Add", List.of(erf, scalar(graph.fresh("one"), 1f)));
        return graph.op("Mul", List.of(graph.op("Mul", List.of(x, onePlus)), scalar(graph.fresh("half"), 0.5f)));
    }

    private String linear(String input, String prefix) {
        return graph.op("Add", List.of(matMul(input, prefix), weight(prefix + ".bias")));
    }

    /** The input times the transposed PyTorch weight [out, in], stored as ONNX's [in, out]. */
    private String matMul(String input, String prefix) {
        NamedTensor w = tensor(prefix + ".weight");
        String name = prefix + ".weight_t";
        NamedTensor transposed = w.transposed(name);
        graph.floatInitializer(name, transposed.shape(), transposed.values());
        return graph.op("MatMul", List.of(input, name));
    }

    private String layerNorm(String input, String prefix) {
        return graph.op("LayerNormalization", List.of(input, weight(prefix + ".weight"), weight(prefix + ".bias")),
                integer("axis", -1), real("epsilon", config.layerNormEps()));
    }

    /** LayerNorm(input + skip + bias) in one kernel; {@code biasPrefix} null when the input has its bias already. */
    private String skipLayerNorm(String input, String skip, String biasPrefix, String normPrefix) {
        List<String> inputs = new java.util.ArrayList<>(List.of(input, skip, weight(normPrefix + ".weight"),
                weight(normPrefix + ".bias")));
        if (biasPrefix != null) {
            inputs.add(weight(biasPrefix + ".bias"));
        }
        return graph.opIn(OnnxModelBuilder.ORT_DOMAIN, "SkipLayerNormalization", inputs,
                real("epsilon", config.layerNormEps()));
    }

    /** ONNX Runtime's Attention takes Q, K and V as one [hidden, 3 hidden] matrix: the three transposes side by side. */
    private String fusedQkvWeight(String prefix) {
        int h = config.hiddenSize();
        return graph.floatInitializer(prefix + "qkv.weight", new long[] {h, 3L * h}, fusedQkvValues(prefix));
    }

    private float[] fusedQkvValues(String prefix) {
        int h = config.hiddenSize();
        float[] fused = new float[h * 3 * h];
        int part = 0;
        for (String which : List.of("query", "key", "value")) {
            float[] w = tensor(prefix + which + ".weight").values();
            for (int out = 0; out < h; out++) {
                for (int in = 0; in < h; in++) {
                    fused[in * 3 * h + part * h + out] = w[out * h + in];
                }
            }
            part++;
        }
        return fused;
    }

    private String fusedQkvBias(String prefix) {
        int h = config.hiddenSize();
        float[] fused = new float[3 * h];
        int part = 0;
        for (String which : List.of("query", "key", "value")) {
            System.arraycopy(tensor(prefix + which + ".bias").values(), 0, fused, part++ * h, h);
        }
        return graph.floatInitializer(prefix + "qkv.bias", new long[] {3L * h}, fused);
    }

    private String weight(String name) {
        if (written.add(name)) {
            NamedTensor tensor = tensor(name);
            graph.floatInitializer(name, tensor.shape(), tensor.values());
        }
        return name;
    }

    private NamedTensor tensor(String name) {
        NamedTensor tensor = weights.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("the model has no tensor " + name);
        }
        return tensor;
    }

    private String scalar(String name, float value) {
        return graph.floatInitializer(name, new long[0], new float[] {value});
    }

    private static String producerVersion() {
        String version = BertOnnxExporter.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
