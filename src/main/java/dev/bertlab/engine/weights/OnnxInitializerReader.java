package dev.bertlab.engine.weights;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the graph of an ONNX model by hand (no generated protobuf classes): its nodes, and its float32
 * initializers as tensors under their ONNX names. Initializers of other types are listed but not read; weights kept
 * in an external data file are refused.
 */
public final class OnnxInitializerReader {

    /** ONNX's {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;

    /**
     * One operator of the graph.
     *
     * @param name the node name, e.g. {@code /encoder/layer.0/attention/self/query/MatMul}; may be empty
     * @param opType the operator, e.g. {@code MatMul}
     * @param inputs the names of the values it consumes, in order
     * @param outputs the names of the values it produces
     */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs) {
    }

    /**
     * What the graph holds.
     *
     * @param nodes the operators, in file order
     * @param initializers the float32 initializers by name, in file order
     * @param otherInitializers the initializers of other types, by name, with their ONNX data type number
     */
    public record Graph(List<Node> nodes, Map<String, NamedTensor> initializers,
            Map<String, Integer> otherInitializers) {
    }

    private final Path file;

    private OnnxInitializerReader(Path file) {
        this.file = file;
    }

    /** Reads the nodes and initializers of the ONNX model in {@code file}. */
    public static Graph read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new WeightFormatException(file, "no such ONNX model file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new WeightFormatException(file, "is over 2 GB; ONNX files that large keep their weights in"
                        + " external data, which is not supported");
            }
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            // raw_data then points into the mapping instead of being copied once more
            in.enableAliasing(true);
            return new OnnxInitializerReader(file).parseModel(in);
        } catch (InvalidProtocolBufferException e) {
            throw new WeightFormatException(file, "is not a valid ONNX model (protobuf error: " + e.getMessage()
                    + "); it may be truncated", e);
        }
    }

    /** ModelProto: graph = 7. */
    private Graph parseModel(CodedInputStream in) throws IOException {
        Graph graph = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 7 && WireFormat.getTagWireType(tag)
                    == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                graph = parseGraph(in);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        if (graph == null) {
            throw new WeightFormatException(file, "holds no graph: not an ONNX model");
        }
        return graph;
    }

    /** GraphProto: node = 1, initializer = 5. */
    private Graph parseGraph(CodedInputStream in) throws IOException {
        List<Node> nodes = new ArrayList<>();
        Map<String, NamedTensor> floats = new LinkedHashMap<>();
        Map<String, Integer> others = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 || field == 5) {
                int limit = in.pushLimit(in.readRawVarint32());
                if (field == 1) {
                    nodes.add(parseNode(in));
                } else {
                    parseTensor(in, floats, others);
                }
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        return new Graph(List.copyOf(nodes), Collections.unmodifiableMap(floats),
                Collections.unmodifiableMap(others));
    }

    /** NodeProto: input = 1, output = 2, name = 3, op_type = 4. */
    private static Node parseNode(CodedInputStream in) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.readStringRequireUtf8());
                case 2 -> outputs.add(in.readStringRequireUtf8());
                case 3 -> name = in.readStringRequireUtf8();
                case 4 -> opType = in.readStringRequireUtf8();
                default -> in.skipField(tag);
            }
        }
        return new Node(name, opType, List.copyOf(inputs), List.copyOf(outputs));
    }

    /**
     * TensorProto: dims = 1 (packed or not), data_type = 2, segment = 3, float_data = 4 (packed or not),
     * name = 8, raw_data = 9, external_data = 13, data_location = 14.
     */
    private void parseTensor(CodedInputStream in, Map<String, NamedTensor> floats, Map<String, Integer> others)
            throws IOException {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteString raw = null;
        FloatList floatData = new FloatList();
        boolean external = false;
        boolean segmented = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int wireType = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) {
                            dims.add(in.readInt64());
                        }
                        in.popLimit(limit);
                    } else {
                        dims.add(in.readInt64());
                    }
                }
                case 2 -> dataType = in.readInt32();
                case 3 -> {
                    segmented = true;
                    in.skipField(tag);
                }
                case 4 -> {
                    if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int length = in.readRawVarint32();
                        int limit = in.pushLimit(length);
                        floatData.ensureCapacity(length / Float.BYTES);
                        while (in.getBytesUntilLimit() > 0) {
                            floatData.add(in.readFloat());
                        }
                        in.popLimit(limit);
                    } else {
                        floatData.add(in.readFloat());
                    }
                }
                case 8 -> name = in.readStringRequireUtf8();
                case 9 -> raw = in.readBytes();
                case 13 -> {
                    external = true;
                    in.skipField(tag);
                }
                case 14 -> external |= in.readEnum() == 1;
                default -> in.skipField(tag);
            }
        }
        String label = name.isEmpty() ? "an unnamed initializer" : "initializer " + name;
        if (external) {
            throw new WeightFormatException(file, label + " keeps its data in an external file; only self-contained"
                    + " ONNX files (weights inside the .onnx) are supported");
        }
        if (segmented) {
            throw new WeightFormatException(file, label + " is split into segments, which is not supported");
        }
        if (dataType != FLOAT) {
            others.put(name, dataType);
            return;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        int count = (int) NamedTensor.elementCount(name, shape);
        float[] values;
        if (raw != null) {
            if (raw.size() != (long) count * Float.BYTES) {
                throw new WeightFormatException(file, label + " of shape " + Arrays.toString(shape) + " needs "
                        + (long) count * Float.BYTES + " bytes of raw data but holds " + raw.size());
            }
            values = new float[count];
            raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            if (floatData.size != count) {
                throw new WeightFormatException(file, label + " of shape " + Arrays.toString(shape) + " needs "
                        + count + " values but holds " + floatData.size);
            }
            values = floatData.toArray();
        }
        if (floats.put(name, new NamedTensor(name.isEmpty() ? "(unnamed)" : name, shape, values)) != null) {
            throw new WeightFormatException(file, "two initializers are named " + name);
        }
    }

    /** A growable float array, so that float_data does not box a float per element. */
    private static final class FloatList {
        private float[] values = new float[16];
        private int size;

        void ensureCapacity(int extra) {
            if (size + extra > values.length) {
                values = Arrays.copyOf(values, Math.max(size + extra, values.length * 2));
            }
        }

        void add(float value) {
            ensureCapacity(1);
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
