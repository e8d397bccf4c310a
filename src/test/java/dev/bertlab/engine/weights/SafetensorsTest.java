package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against files written by Hugging Face's safetensors library (small-f32, mixed-dtypes; make_reference.py). */
class SafetensorsTest {

    @TempDir
    Path temp;

    @Test
    void writesTheSameBytesAsHuggingFacesLibrary() throws IOException {
        JsonNode small = WeightFixtures.json("small-f32.json");
        List<NamedTensor> tensors = new ArrayList<>();
        // given in the same unsorted order as to the library; both sort by name
        for (JsonNode name : small.get("order")) {
            tensors.add(WeightFixtures.tensor(name.textValue(), small.get("tensors").get(name.textValue())));
        }
        Path file = temp.resolve("small.safetensors");
        SafetensorsWriter.write(file, tensors);
        assertThat(Files.readAllBytes(file))
                .isEqualTo(Files.readAllBytes(WeightFixtures.resource("small-f32.safetensors")));
    }

    @Test
    void readsHuggingFacesFile() throws IOException {
        JsonNode small = WeightFixtures.json("small-f32.json").get("tensors");
        try (SafetensorsReader reader = SafetensorsReader.open(WeightFixtures.resource("small-f32.safetensors"))) {
            assertThat(reader.metadata()).containsExactly(Map.entry("format", "pt"));
            Map<String, NamedTensor> all = reader.readAll();
            assertThat(all.keySet()).containsExactly("a", "empty", "layer.a", "layer.b", "z_scalar");
            all.forEach((name, tensor) -> assertThat(tensor).isEqualTo(WeightFixtures.tensor(name, small.get(name))));
        }
    }

    @Test
    void headerIsPaddedToEightBytesForAnyNameLength() throws IOException {
        for (int length = 1; length <= 16; length++) {
            Path file = temp.resolve("pad" + length + ".safetensors");
            SafetensorsWriter.write(file, List.of(new NamedTensor("x".repeat(length), new long[] {1},
                    new float[] {length})));
            byte[] bytes = Files.readAllBytes(file);
            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(headerLength % 8).isZero();
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"pt\"},").matches("(?s)\\{.*\\} *");
            assertThat(bytes).hasSize((int) (8 + headerLength + 4));
        }
    }

    @Test
    void roundTripsManyChunksOfData() throws IOException {
        Random random = new Random(42);
        float[] big = new float[700_001]; // 2.7 MB: crosses the writer's 1 MB chunks unevenly
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) random.nextGaussian();
        }
        List<NamedTensor> tensors = List.of(
                new NamedTensor("bert.embeddings.word_embeddings.weight", new long[] {700_001}, big),
                new NamedTensor("classifier.bias", new long[] {2}, new float[] {Float.NaN, -0f}),
                new NamedTensor("classifier.weight", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        Path file = temp.resolve("sub/dir/model.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of("epoch", "3"));
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            assertThat(reader.metadata()).containsExactly(Map.entry("format", "pt"), Map.entry("epoch", "3"));
            Map<String, NamedTensor> read = reader.readAll();
            assertThat(read.values()).containsExactlyInAnyOrderElementsOf(tensors);
            assertThat(reader.entries().get("classifier.weight").begin()).isEqualTo(700_001L * 4 + 8);
        }
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = temp.resolve("model.safetensors");
        SafetensorsWriter.write(file, List.of(new NamedTensor("a", new long[] {1}, new float[] {1})));
        SafetensorsWriter.write(file, List.of(new NamedTensor("b", new long[] {1}, new float[] {2})));
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            assertThat(reader.entries()).containsOnlyKeys("b");
        }
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesDuplicateOrReservedNamesWithoutTouchingTheFile() throws IOException {
        Path file = temp.resolve("model.safetensors");
        SafetensorsWriter.write(file, List.of(new NamedTensor("a", new long[] {1}, new float[] {1})));
        byte[] before = Files.readAllBytes(file);
        NamedTensor a = new NamedTensor("a", new long[] {1}, new float[] {5});
        assertThatThrownBy(() -> SafetensorsWriter.write(file, List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two tensors are named a");
        assertThatThrownBy(() -> SafetensorsWriter.write(file, List.of(a.renamed("__metadata__"))))
                .hasMessageContaining("reserved");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void convertsHalfBfloatAndDoubleAndSkipsIntegers() throws IOException {
        JsonNode expected = WeightFixtures.json("mixed-dtypes.json");
        try (SafetensorsReader reader = SafetensorsReader.open(WeightFixtures.resource("mixed-dtypes.safetensors"))) {
            assertThat(reader.entries().get("half").dtype()).isEqualTo(SafetensorsDtype.F16);
            assertThat(reader.entries().get("brain").dtype()).isEqualTo(SafetensorsDtype.BF16);
            assertThat(reader.entries().get("position_ids").dtype()).isEqualTo(SafetensorsDtype.I64);
            Map<String, NamedTensor> all = reader.readAll();
            assertThat(all.keySet()).containsExactlyInAnyOrder("half", "brain", "double");
            all.forEach((name, tensor) -> assertThat(tensor)
                    .isEqualTo(WeightFixtures.tensor(name, expected.get(name))));
            assertThatThrownBy(() -> reader.read("position_ids")).isInstanceOf(WeightFormatException.class)
                    .hasMessageContaining("position_ids").hasMessageContaining("I64");
        }
    }

    @Test
    void halfPrecisionConvertsEveryValueExactly() {
        // every finite half is a float; float back to half by rounding must give the same bits
        for (int bits = 0; bits < 0x10000; bits++) {
            float f = SafetensorsDtype.halfToFloat((short) bits);
            int exponent = (bits >>> 10) & 0x1f;
            if (exponent == 0x1f) {
                assertThat(Float.isNaN(f) || Float.isInfinite(f)).isTrue();
                continue;
            }
            int mantissa = bits & 0x3ff;
            double magnitude = exponent == 0 ? mantissa * Math.pow(2, -24)
                    : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
            assertThat((double) f).isEqualTo((bits & 0x8000) != 0 ? -magnitude : magnitude);
        }
    }

    @Test
    void aTruncatedFileFailsClearly() throws IOException {
        Path file = copyOfSmall();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> SafetensorsReader.open(file)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("declares 48 bytes of tensor data but only 45 follow")
                .hasMessageContaining("truncated");
        Files.write(file, Arrays.copyOf(bytes, 100));
        assertThatThrownBy(() -> SafetensorsReader.open(file)).hasMessageContaining("header of 336 bytes")
                .hasMessageContaining("truncated");
        Files.write(file, Arrays.copyOf(bytes, 5));
        assertThatThrownBy(() -> SafetensorsReader.open(file)).hasMessageContaining("shorter than the 8-byte");
    }

    @Test
    void overlappingOffsetsFailNamingBothTensors() throws IOException {
        Path file = withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12);
        assertThatThrownBy(() -> SafetensorsReader.open(file)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("tensor b (bytes 4..12) overlaps tensor a (bytes 0..8)");
    }

    @Test
    void gapsTrailingBytesAndWrongSizesFail() throws IOException {
        Path gap = withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        assertThatThrownBy(() -> SafetensorsReader.open(gap)).hasMessageContaining("bytes 0..4")
                .hasMessageContaining("belong to no tensor");
        Path trailing = withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 12);
        assertThatThrownBy(() -> SafetensorsReader.open(trailing)).hasMessageContaining("8 bytes after the last");
        Path wrongSize = withHeader("{\"a\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);
        assertThatThrownBy(() -> SafetensorsReader.open(wrongSize)).hasMessageContaining("tensor a")
                .hasMessageContaining("takes 6 bytes").hasMessageContaining("span 8");
    }

    @Test
    void malformedHeadersFailClearly() throws IOException {
        assertThatThrownBy(() -> SafetensorsReader.open(withHeader("{\"a\":{\"dtype\":\"F32\",", 0)))
                .hasMessageContaining("not valid JSON").hasMessageContaining("column");
        assertThatThrownBy(() -> SafetensorsReader.open(withHeader(
                "{\"a\":{\"dtype\":\"F99\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4)))
                .hasMessageContaining("unknown dtype F99");
        assertThatThrownBy(() -> SafetensorsReader.open(withHeader(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4))).hasMessageContaining("data_offsets must be");
        assertThatThrownBy(() -> SafetensorsReader.open(withHeader(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4)))
                .hasMessageContaining("Duplicate field 'a'");
        Path huge = temp.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array());
        assertThatThrownBy(() -> SafetensorsReader.open(huge)).hasMessageContaining("not a safetensors file");
    }

    private Path copyOfSmall() throws IOException {
        Path file = temp.resolve("copy.safetensors");
        Files.copy(WeightFixtures.resource("small-f32.safetensors"), file);
        return file;
    }

    private Path withHeader(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        Path file = temp.resolve("crafted.safetensors");
        Files.write(file, bytes.array());
        return file;
    }
}
