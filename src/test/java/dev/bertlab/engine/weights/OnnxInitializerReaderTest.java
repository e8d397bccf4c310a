package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoding variants of ONNX initializers, written here with protobuf's own encoder: dims packed or not, values in
 * float_data (packed or not) or raw_data, external data.
 */
class OnnxInitializerReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsFloatDataRawDataPackedAndUnpacked() throws IOException {
        byte[] packedFloats = tensor("packed", new long[] {2, 2}, true, field -> {
            field.writeTag(4, 2);
            field.writeUInt32NoTag(16);
            for (float v : new float[] {1, 2, 3, 4}) {
                field.writeFloatNoTag(v);
            }
        });
        byte[] unpackedFloats = tensor("unpacked", new long[] {3}, false, field -> {
            for (float v : new float[] {-1, 0.5f, 7}) {
                field.writeFloat(4, v);
            }
        });
        ByteBuffer raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(9.5f).putFloat(-3f);
        byte[] rawData = tensor("raw", new long[] {1, 2}, true, field -> field.writeBytes(9,
                ByteString.copyFrom(raw.array())));
        Path file = model(List.of(packedFloats, unpackedFloats, rawData),
                List.of(node("mm", "MatMul", List.of("x", "packed"), List.of("y"))));

        OnnxInitializerReader.Graph graph = OnnxInitializerReader.read(file);

        assertThat(graph.initializers().get("packed")).isEqualTo(
                new NamedTensor("packed", new long[] {2, 2}, new float[] {1, 2, 3, 4}));
        assertThat(graph.initializers().get("unpacked")).isEqualTo(
                new NamedTensor("unpacked", new long[] {3}, new float[] {-1, 0.5f, 7}));
        assertThat(graph.initializers().get("raw")).isEqualTo(
                new NamedTensor("raw", new long[] {1, 2}, new float[] {9.5f, -3f}));
        assertThat(graph.nodes()).containsExactly(
                new OnnxInitializerReader.Node("mm", "MatMul", List.of("x", "packed"), List.of("y")));
    }

    @Test
    void externalDataIsRefusedNamingTheInitializer() throws IOException {
        byte[] external = tensor("big.weight", new long[] {2}, true, field -> field.writeEnum(14, 1));
        Path file = model(List.of(external), List.of());
        assertThatThrownBy(() -> OnnxInitializerReader.read(file)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("big.weight").hasMessageContaining("external");
    }

    @Test
    void rawDataOfTheWrongLengthIsRefused() throws IOException {
        byte[] shortRaw = tensor("w", new long[] {3}, true, field -> field.writeBytes(9, ByteString.copyFrom(
                new byte[8])));
        Path file = model(List.of(shortRaw), List.of());
        assertThatThrownBy(() -> OnnxInitializerReader.read(file)).hasMessageContaining("initializer w")
                .hasMessageContaining("12 bytes").hasMessageContaining("holds 8");
    }

    @Test
    void aTruncatedFileFailsClearly() throws IOException {
        ByteBuffer raw = ByteBuffer.allocate(400);
        Path file = model(List.of(tensor("w", new long[] {100}, true, field -> field.writeBytes(9,
                ByteString.copyFrom(raw.array())))), List.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 50));
        assertThatThrownBy(() -> OnnxInitializerReader.read(file)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("not a valid ONNX model").hasMessageContaining("truncated");
    }

    @Test
    void aFileWithoutGraphIsRefused() throws IOException {
        Path file = temp.resolve("empty.onnx");
        Files.write(file, new byte[] {8, 7}); // ir_version = 7, nothing else
        assertThatThrownBy(() -> OnnxInitializerReader.read(file)).hasMessageContaining("no graph");
    }

    @Test
    void namesMatMulWeightsAfterTheirNode() {
        assertThat(MiniLmOnnxWeights.nameOfMatMulWeight("/encoder/layer.3/intermediate/dense/MatMul"))
                .isEqualTo("bert.encoder.layer.3.intermediate.dense.weight");
        assertThat(MiniLmOnnxWeights.nameOfMatMulWeight("MatMul_12")).isNull();
        assertThat(MiniLmOnnxWeights.nameOfNamedInitializer("embeddings.LayerNorm.weight"))
                .isEqualTo("bert.embeddings.LayerNorm.weight");
        assertThat(MiniLmOnnxWeights.nameOfNamedInitializer("onnx::MatMul_787")).isNull();
    }

    interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] tensor(String name, long[] dims, boolean packedDims, Fields data) throws IOException {
        return message(out -> {
            if (packedDims) {
                int size = 0;
                for (long d : dims) {
                    size += CodedOutputStream.computeInt64SizeNoTag(d);
                }
                out.writeTag(1, 2);
                out.writeUInt32NoTag(size);
                for (long d : dims) {
                    out.writeInt64NoTag(d);
                }
            } else {
                for (long d : dims) {
                    out.writeInt64(1, d);
                }
            }
            out.writeInt32(2, OnnxInitializerReader.FLOAT);
            data.write(out);
            out.writeString(8, name);
        });
    }

    private static byte[] node(String name, String opType, List<String> inputs, List<String> outputs)
            throws IOException {
        return message(out -> {
            for (String input : inputs) {
                out.writeString(1, input);
            }
            for (String output : outputs) {
                out.writeString(2, output);
            }
            out.writeString(3, name);
            out.writeString(4, opType);
        });
    }

    private Path model(List<byte[]> initializers, List<byte[]> nodes) throws IOException {
        byte[] graph = message(out -> {
            for (byte[] node : nodes) {
                out.writeByteArray(1, node);
            }
            out.writeString(2, "test-graph");
            for (byte[] initializer : initializers) {
                out.writeByteArray(5, initializer);
            }
        });
        byte[] model = message(out -> {
            out.writeInt64(1, 8);
            out.writeString(2, "test");
            out.writeByteArray(7, graph);
        });
        Path file = temp.resolve("model.onnx");
        Files.write(file, model);
        return file;
    }

    private static byte[] message(Fields fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        fields.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
