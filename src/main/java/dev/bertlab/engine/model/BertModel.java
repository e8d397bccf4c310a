package dev.bertlab.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard BERT encoder (post-LayerNorm, exact GELU, additive attention mask, tanh pooler on [CLS]) with one
 * task head, written as a single DJL block.
 *
 * <p>DJL's own {@code BertBlock} is not BERT (BatchNorm, a wrong residual, pools the wrong token), so pretrained
 * weights would not reproduce BERT in it. Every parameter here carries the Hugging Face name of the same tensor
 * ({@code bert.encoder.layer.0.attention.self.query.weight}), which makes loading, exporting and checking
 * against transformers a matter of names rather than a mapping table.
 *
 * <p>Inputs: {@code input_ids} [B, S] int64, {@code attention_mask} [B, S] (1 real token, 0 padding) and
 * optionally {@code token_type_ids} [B, S]. Output: see {@link TaskHead.Kind}.
 *
 * <p>Every op is called on an activation, never on a parameter: DJL puts a result in the manager of the array
 * the op is called on, so an op on a parameter would leak one array per step into the model's manager.
 */
public final class BertModel extends AbstractBlock {

    private static final byte VERSION = 1;
    /** BERT's additive mask value: exp(-10000) underflows to exactly 0 in float32, so padding has no effect. */
    private static final float MASKED_SCORE = -10000f;
    private static final float INITIALIZER_RANGE = 0.02f;

    private final BertConfig config;
    private final TaskHead head;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private volatile DropoutRates dropout;
    private volatile ComputePrecision precision = ComputePrecision.FP32;
    private final HostDropout hostDropout = new HostDropout();

    public BertModel(BertConfig config, TaskHead head, DropoutRates dropout) {
        super(VERSION);
        this.config = config;
        this.head = head;
        this.dropout = dropout;
        declareEncoder();
        switch (head.kind()) {
            case SEQUENCE_CLASSIFICATION, REGRESSION -> {
                declareLinear("bert.pooler.dense", config.hiddenSize(), config.hiddenSize());
                declareLinear("classifier", config.hiddenSize(), head.numLabels());
            }
            case MASKED_LM -> {
                declareLinear("cls.predictions.transform.dense", config.hiddenSize(), config.hiddenSize());
                declareLayerNorm("cls.predictions.transform.LayerNorm");
                declare("cls.predictions.bias", Parameter.Type.BIAS, new Shape(config.vocabSize()));
            }
            case ENCODER -> {
                // the last hidden state is the output
            }
        }
    }

    public BertConfig config() {
        return config;
    }

    public TaskHead head() {
        return head;
    }

    public DropoutRates dropout() {
        return dropout;
    }

    public void setDropout(DropoutRates dropout) {
        this.dropout = dropout;
    }

    /**
     * Seeds the dropout masks of the next training forward passes on the CPU (on a GPU, PyTorch's generator,
     * seeded through DJL's engine, draws them). The trainer reseeds before every step.
     */
    public void reseedDropout(long seed) {
        hostDropout.reseed(seed);
    }

    public ComputePrecision precision() {
        return precision;
    }

    public void setPrecision(ComputePrecision precision) {
        this.precision = precision;
    }

    /** Parameters by their Hugging Face name, in declaration order. */
    public Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(byName);
    }

    /** Allocates and randomly initialises every parameter (BERT's normal(0, 0.02), zero biases, unit norms). */
    public void initialize(NDManager manager) {
        Shape shape = new Shape(1, 8);
        initialize(manager, DataType.FLOAT32, shape, shape, shape);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray inputIds = inputs.get(0);
        NDArray attentionMask = inputs.get(1);
        NDArray tokenTypeIds = inputs.size() > 2 ? inputs.get(2) : inputIds.zerosLike();
        Forward pass = new Forward(parameterStore, inputIds.getDevice(), training, dropout, precision);

        NDArray hidden = pass.embeddings(inputIds, tokenTypeIds);
        NDArray mask = attentionMask.toType(DataType.FLOAT32, false).expandDims(1).expandDims(1);
        NDArray additiveMask = OwnedScalar.times(OwnedScalar.minus(mask, 1f), -MASKED_SCORE)
                .toType(precision.dataType(), false);
        for (int layer = 0; layer < config.numLayers(); layer++) {
            hidden = pass.layer("bert.encoder.layer." + layer + ".", hidden, additiveMask);
        }
        return new NDList(switch (head.kind()) {
            case ENCODER -> hidden.toType(DataType.FLOAT32, false);
            case SEQUENCE_CLASSIFICATION, REGRESSION -> pass.classifier(hidden);
            case MASKED_LM -> pass.maskedLm(hidden);
        });
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        long length = inputShapes[0].get(1);
        return new Shape[] {switch (head.kind()) {
            case ENCODER -> new Shape(batch, length, config.hiddenSize());
            case SEQUENCE_CLASSIFICATION, REGRESSION -> new Shape(batch, head.numLabels());
            case MASKED_LM -> new Shape(batch, length, config.vocabSize());
        }};
    }

    @Override
    public String toString() {
        return "BertModel(" + config + ", " + head + ")";
    }

    /** One forward pass: the parameter lookups and the settings that hold for its duration. */
    private final class Forward {
        private final ParameterStore store;
        private final Device device;
        private final boolean training;
        private final DropoutRates rates;
        private final ComputePrecision precision;

        Forward(ParameterStore store, Device device, boolean training, DropoutRates rates,
                ComputePrecision precision) {
            this.store = store;
            this.device = device;
            this.training = training;
            this.rates = rates;
            this.precision = precision;
        }

        NDArray embeddings(NDArray inputIds, NDArray tokenTypeIds) {
            long length = inputIds.getShape().get(1);
            if (length > config.maxPositions()) {
                throw new IllegalArgumentException("sequence of " + length + " tokens is longer than the "
                        + config.maxPositions() + " positions of this model");
            }
            NDArray positionIds = inputIds.getManager().arange(0f, (float) length, 1f, DataType.INT64);
            NDArray words = Embedding.embedding(inputIds, fp32("bert.embeddings.word_embeddings.weight"), SparseFormat.DENSE)
                    .singletonOrThrow();
            NDArray positions = Embedding.embedding(positionIds,
                    fp32("bert.embeddings.position_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow();
            NDArray types = Embedding.embedding(tokenTypeIds,
                    fp32("bert.embeddings.token_type_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow();
            NDArray sum = words.add(positions).add(types);
            NDArray normed = layerNorm(sum, "bert.embeddings.LayerNorm");
            return dropout(normed, rates.hidden());
        }

        NDArray layer(String prefix, NDArray hidden, NDArray additiveMask) {
            NDArray attended = selfAttention(prefix + "attention.", hidden, additiveMask);
            NDArray intermediate = linear(attended, prefix + "intermediate.dense").getNDArrayInternal().gelu();
            NDArray output = dropout(linear(intermediate, prefix + "output.dense"), rates.hidden());
            return layerNorm(output.add(attended), prefix + "output.LayerNorm");
        }

        private NDArray selfAttention(String prefix, NDArray hidden, NDArray additiveMask) {
            Shape shape = hidden.getShape();
            long batch = shape.get(0);
            long length = shape.get(1);
            int heads = config.numHeads();
            int headSize = config.headSize();
            float scale = 1f / (float) Math.sqrt(headSize);
            NDArray query = OwnedScalar.times(linear(hidden, prefix + "self.query"), scale)
                    .reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
            NDArray keyT = linear(hidden, prefix + "self.key")
                    .reshape(batch, length, heads, headSize).transpose(0, 2, 3, 1);
            NDArray value = linear(hidden, prefix + "self.value")
                    .reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
            NDArray scores = query.matMul(keyT).add(additiveMask);
            NDArray probabilities = scores.toType(DataType.FLOAT32, false).softmax(-1)
                    .toType(precision.dataType(), false);
            NDArray context = dropout(probabilities, rates.attention()).matMul(value)
                    .transpose(0, 2, 1, 3).reshape(batch, length, config.hiddenSize());
            NDArray projected = dropout(linear(context, prefix + "output.dense"), rates.hidden());
            return layerNorm(projected.add(hidden), prefix + "output.LayerNorm");
        }

        NDArray classifier(NDArray hidden) {
            NDArray cls = hidden.get(":, 0, :");
            NDArray pooled = linear(cls, "bert.pooler.dense").tanh();
            NDArray logits = linear(dropout(pooled, rates.classifier()), "classifier");
            return logits.toType(DataType.FLOAT32, false);
        }

        NDArray maskedLm(NDArray hidden) {
            NDArray transformed = linear(hidden, "cls.predictions.transform.dense").getNDArrayInternal().gelu();
            NDArray normed = layerNorm(transformed, "cls.predictions.transform.LayerNorm");
            // the decoder is tied to the word embeddings, as in Google's checkpoint
            return Linear.linear(normed, compute("bert.embeddings.word_embeddings.weight", normed),
                    compute("cls.predictions.bias", normed)).singletonOrThrow().toType(DataType.FLOAT32, false);
        }

        private NDArray linear(NDArray input, String prefix) {
            return Linear.linear(input, compute(prefix + ".weight", input), compute(prefix + ".bias", input))
                    .singletonOrThrow();
        }

        /** LayerNorm over the hidden axis, always in float32. */
        private NDArray layerNorm(NDArray input, String prefix) {
            NDArray fp32Input = input.toType(DataType.FLOAT32, false);
            NDArray normed = LayerNorm.layerNorm(fp32Input, new Shape(config.hiddenSize()),
                    fp32(prefix + ".weight"), fp32(prefix + ".bias"), config.layerNormEps()).singletonOrThrow();
            return normed.toType(precision.dataType(), false);
        }

        private NDArray dropout(NDArray input, float rate) {
            if (!training || rate == 0f) {
                return input;
            }
            if (device.isGpu()) {
                return Dropout.dropout(input, rate, true).singletonOrThrow();
            }
            return hostDropout.apply(input, rate);
        }

        private NDArray fp32(String name) {
            return store.getValue(parameter(name), device, training);
        }

        /** The parameter in the compute type; a cast copy belongs to the activation's manager, not the model's. */
        private NDArray compute(String name, NDArray activation) {
            NDArray master = fp32(name);
            if (!precision.isReduced()) {
                return master;
            }
            NDArray cast = master.toType(precision.dataType(), true);
            cast.attach(activation.getManager());
            return cast;
        }

        private Parameter parameter(String name) {
            Parameter parameter = byName.get(name);
            if (parameter == null) {
                throw new IllegalStateException("model has no parameter " + name + " for head " + head);
            }
            return parameter;
        }
    }

    private void declareEncoder() {
        int hidden = config.hiddenSize();
        declare("bert.embeddings.word_embeddings.weight", Parameter.Type.WEIGHT,
                new Shape(config.vocabSize(), hidden));
        declare("bert.embeddings.position_embeddings.weight", Parameter.Type.WEIGHT,
                new Shape(config.maxPositions(), hidden));
        declare("bert.embeddings.token_type_embeddings.weight", Parameter.Type.WEIGHT,
                new Shape(config.typeVocabSize(), hidden));
        declareLayerNorm("bert.embeddings.LayerNorm");
        for (int layer = 0; layer < config.numLayers(); layer++) {
            String prefix = "bert.encoder.layer." + layer + ".";
            declareLinear(prefix + "attention.self.query", hidden, hidden);
            declareLinear(prefix + "attention.self.key", hidden, hidden);
            declareLinear(prefix + "attention.self.value", hidden, hidden);
            declareLinear(prefix + "attention.output.dense", hidden, hidden);
            declareLayerNorm(prefix + "attention.output.LayerNorm");
            declareLinear(prefix + "intermediate.dense", hidden, config.intermediateSize());
            declareLinear(prefix + "output.dense", config.intermediateSize(), hidden);
            declareLayerNorm(prefix + "output.LayerNorm");
        }
    }

    private void declareLinear(String prefix, int in, int out) {
        declare(prefix + ".weight", Parameter.Type.WEIGHT, new Shape(out, in));
        declare(prefix + ".bias", Parameter.Type.BIAS, new Shape(out));
    }

    private void declareLayerNorm(String prefix) {
        declare(prefix + ".weight", Parameter.Type.GAMMA, new Shape(config.hiddenSize()));
        declare(prefix + ".bias", Parameter.Type.BETA, new Shape(config.hiddenSize()));
    }

    private void declare(String name, Parameter.Type type, Shape shape) {
        Initializer initializer = switch (type) {
            case WEIGHT -> new NormalInitializer(INITIALIZER_RANGE);
            case GAMMA -> Initializer.ONES;
            default -> Initializer.ZEROS;
        };
        Parameter parameter = addParameter(Parameter.builder().setName(name).setType(type).optShape(shape)
                .optInitializer(initializer).build());
        byName.put(name, parameter);
    }
}
