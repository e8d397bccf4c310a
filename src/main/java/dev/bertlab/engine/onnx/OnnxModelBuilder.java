package dev.bertlab.engine.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an ONNX model (IR version 8) node by node and writes it with {@link ProtoMessage}. Field numbers are those
 * of {@code onnx.proto}; only what an encoder graph needs is here.
 */
final class OnnxModelBuilder {

    static final int FLOAT = 1;
    static final int INT8 = 3;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final String ORT_DOMAIN = "com.microsoft";

    private static final long IR_VERSION = 8;

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private int counter;

    OnnxModelBuilder(long onnxOpset) {
        opsets.put("", onnxOpset);
    }

    /** A fresh value name for an intermediate result. */
    String fresh(String hint) {
        return hint + "_" + (counter++);
    }

    void metadata(String key, String value) {
        metadata.put(key, value);
    }

    /** Declares a graph input or output of element type {@code type}; a String dimension is symbolic. */
    void input(String name, int type, Object... dims) {
        inputs.add(valueInfo(name, type, dims));
    }

    void output(String name, int type, Object... dims) {
        outputs.add(valueInfo(name, type, dims));
    }

    String floatInitializer(String name, long[] shape, float[] values) {
        initializers.add(tensorHeader(name, shape, FLOAT).floats(9, values));
        return name;
    }

    String int8Initializer(String name, long[] shape, byte[] values) {
        initializers.add(tensorHeader(name, shape, INT8).bytes(9, values));
        return name;
    }

    String longInitializer(String name, long[] shape, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        initializers.add(tensorHeader(name, shape, INT64).bytes(9, raw.array()));
        return name;
    }

    /** A TensorProto's dims, data type and name; its data (raw_data, field 9) follows. */
    private static ProtoMessage tensorHeader(String name, long[] shape, int type) {
        ProtoMessage tensor = new ProtoMessage();
        for (long dim : shape) {
            tensor.varint(1, dim);
        }
        return tensor.varint(2, type).string(8, name);
    }

    /** Adds a node of the default domain and returns its (single) output's name. */
    String op(String opType, List<String> in, Attribute... attributes) {
        return opIn("", opType, in, attributes);
    }

    /** Adds a node of {@code domain} (e.g. ONNX Runtime's contrib operators) with one output. */
    String opIn(String domain, String opType, List<String> in, Attribute... attributes) {
        return node(domain, opType, in, 1, attributes).get(0);
    }

    /** Adds a node of the default domain with {@code outputs} outputs and returns their names. */
    List<String> opWithOutputs(String opType, List<String> in, int outputs, Attribute... attributes) {
        return node("", opType, in, outputs, attributes);
    }

    private List<String> node(String domain, String opType, List<String> in, int outputs, Attribute... attributes) {
        String name = fresh(opType);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            out.add(outputs == 1 ? name : name + "_" + i);
        }
        ProtoMessage node = new ProtoMessage();
        for (String input : in) {
            node.string(1, input);
        }
        for (String output : out) {
            node.string(2, output);
        }
        node.string(3, name).string(4, opType);
        for (Attribute attribute : attributes) {
            node.message(5, attribute.message);
        }
        if (!domain.isEmpty()) {
            node.string(7, domain);
            opsets.putIfAbsent(domain, 1L);
        }
        nodes.add(node);
        return List.copyOf(out);
    }

    /** Adds an Identity node so that the graph's output has a stable name. */
    void rename(String from, String to) {
        nodes.add(new ProtoMessage().string(1, from).string(2, to).string(3, to).string(4, "Identity"));
    }

    void writeTo(OutputStream stream, String producerVersion) throws IOException {
        ProtoMessage graph = new ProtoMessage();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, "bertlab");
        initializers.forEach(tensor -> graph.message(5, tensor));
        inputs.forEach(input -> graph.message(11, input));
        outputs.forEach(output -> graph.message(12, output));
        ProtoMessage model = new ProtoMessage().varint(1, IR_VERSION).string(2, "bertlab")
                .string(3, producerVersion);
        model.message(7, graph);
        opsets.forEach((domain, version) -> model.message(8, new ProtoMessage().string(1, domain).varint(2, version)));
        metadata.forEach((key, value) -> model.message(14, new ProtoMessage().string(1, key).string(2, value)));
        CodedOutputStream out = CodedOutputStream.newInstance(stream, 1 << 16);
        model.writeTo(out);
        out.flush();
    }

    private static ProtoMessage valueInfo(String name, int type, Object... dims) {
        ProtoMessage shape = new ProtoMessage();
        for (Object dim : dims) {
            ProtoMessage dimension = new ProtoMessage();
            if (dim instanceof String symbol) {
                dimension.string(2, symbol);
            } else {
                dimension.varint(1, ((Number) dim).longValue());
            }
            shape.message(1, dimension);
        }
        ProtoMessage tensorType = new ProtoMessage().varint(1, type).message(2, shape);
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
    }

    /** One attribute of a node. */
    static final class Attribute {
        private final ProtoMessage message;

        private Attribute(ProtoMessage message) {
            this.message = message;
        }

        static Attribute integer(String name, long value) {
            return new Attribute(new ProtoMessage().string(1, name).varint(3, value).varint(20, 2));
        }

        static Attribute real(String name, float value) {
            return new Attribute(new ProtoMessage().string(1, name).float32(2, value).varint(20, 1));
        }

        static Attribute ints(String name, long... values) {
            ProtoMessage message = new ProtoMessage().string(1, name);
            for (long value : values) {
                message.varint(8, value);
            }
            return new Attribute(message.varint(20, 7));
        }
    }
}
