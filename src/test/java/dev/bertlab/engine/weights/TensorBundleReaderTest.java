package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a tiny bundle that TensorFlow wrote (tiny-google-bert, made by make_reference.py). */
class TensorBundleReaderTest {

    private static final String QUERY = "module/bert/encoder/layer_0/attention/self/query/kernel";

    @TempDir
    Path temp;

    private Path variables;
    private final JsonNode reference = WeightFixtures.json("tiny-google-bert.json");

    @BeforeEach
    void copyFixture() throws IOException {
        WeightFixtures.copyTree(WeightFixtures.resource("tiny-google-bert/variables"), temp.resolve("variables"));
        variables = temp.resolve("variables");
    }

    @Test
    void listsEveryVariableWithTheDtypeAndShapeTensorFlowReports() throws IOException {
        try (TensorBundleReader reader = TensorBundleReader.open(variables)) {
            assertThat(reader.entries().keySet()).containsExactlyInAnyOrderElementsOf(
                    () -> reference.fieldNames());
            reader.entries().values().forEach(entry -> {
                JsonNode expected = reference.get(entry.name());
                assertThat(entry.shape()).as(entry.name()).containsExactly(WeightFixtures.longs(expected.get("shape")));
                assertThat(entry.dtype() == BundleEntry.DT_FLOAT).as(entry.name())
                        .isEqualTo(expected.get("dtype").textValue().equals("float32"));
            });
        }
    }

    @Test
    void readsTheValuesTensorFlowReadsBack() throws IOException {
        try (TensorBundleReader reader = TensorBundleReader.open(variables.resolve("variables"))) {
            Map<String, NamedTensor> all = reader.readAll(TensorBundleReaderTest::isFloat);
            assertThat(all).hasSize(reference.size() - 1);
            all.forEach((name, tensor) -> assertThat(tensor)
                    .isEqualTo(WeightFixtures.tensor(name, reference.get(name))));
        }
    }

    @Test
    void opensByIndexFilePrefixOrFolder() throws IOException {
        for (Path path : new Path[] {variables, variables.resolve("variables"),
                variables.resolve("variables.index")}) {
            try (TensorBundleReader reader = TensorBundleReader.open(path)) {
                assertThat(reader.dataFile(0)).isEqualTo(variables.resolve("variables.data-00000-of-00001"));
                assertThat(reader.read(QUERY).shape()).containsExactly(4, 4);
            }
        }
    }

    @Test
    void refusesOtherDtypesByName() throws IOException {
        try (TensorBundleReader reader = TensorBundleReader.open(variables)) {
            assertThatThrownBy(() -> reader.read("global_step")).isInstanceOf(WeightFormatException.class)
                    .hasMessageContaining("global_step").hasMessageContaining("DT_INT64")
                    .hasMessageContaining("only float32");
            assertThatThrownBy(() -> reader.read("no/such")).hasMessageContaining("no tensor named no/such");
        }
    }

    @Test
    void aFlippedDataByteFailsNamingTheTensor() throws IOException {
        long offset;
        try (TensorBundleReader reader = TensorBundleReader.open(variables)) {
            offset = reader.entry(QUERY).orElseThrow().offset();
        }
        flipByte(variables.resolve("variables.data-00000-of-00001"), offset + 5);
        try (TensorBundleReader reader = TensorBundleReader.open(variables)) {
            assertThatThrownBy(() -> reader.readAll(TensorBundleReaderTest::isFloat)).isInstanceOfSatisfying(TensorChecksumException.class,
                    e -> assertThat(e.tensorName()).isEqualTo(QUERY))
                    .hasMessageContaining(QUERY).hasMessageContaining("corrupt")
                    .hasMessageContaining("variables.data-00000-of-00001");
            // the other tensors still read
            assertThat(reader.read("module/bert/pooler/dense/bias").size()).isEqualTo(4);
        }
    }

    @Test
    void aTruncatedDataFileFailsClearly() throws IOException {
        Path data = variables.resolve("variables.data-00000-of-00001");
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 10);
        }
        try (TensorBundleReader reader = TensorBundleReader.open(variables)) {
            assertThatThrownBy(() -> reader.readAll(TensorBundleReaderTest::isFloat)).isInstanceOf(WeightFormatException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void aMissingDataFileIsNamed() throws IOException {
        Files.delete(variables.resolve("variables.data-00000-of-00001"));
        try (TensorBundleReader reader = TensorBundleReader.open(variables)) {
            assertThatThrownBy(() -> reader.read(QUERY)).hasMessageContaining("variables.data-00000-of-00001")
                    .hasMessageContaining("missing");
        }
    }

    @Test
    void aTruncatedIndexFailsClearly() throws IOException {
        Path index = variables.resolve("variables.index");
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> TensorBundleReader.open(variables)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("variables.index").hasMessageContaining("magic");
        Files.write(index, Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> TensorBundleReader.open(variables)).hasMessageContaining("48-byte footer");
    }

    @Test
    void aCorruptIndexBlockFailsItsChecksum() throws IOException {
        // byte 10 lies in the first key of the first data block
        flipByte(variables.resolve("variables.index"), 10);
        assertThatThrownBy(() -> TensorBundleReader.open(variables)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("data block").hasMessageContaining("checksum");
    }

    @Test
    void aCompressedTableIsRefusedAsSuch() throws IOException {
        Path index = variables.resolve("variables.index");
        byte[] bytes = Files.readAllBytes(index);
        // the data block's trailer (type byte, crc) sits just before the metaindex block, the footer's first handle
        int metaindexOffset = (int) readVarint(bytes, bytes.length - SortedStringTable.FOOTER_LENGTH);
        bytes[metaindexOffset - 5] = 1;
        Files.write(index, bytes);
        assertThatThrownBy(() -> TensorBundleReader.open(variables)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("compressed").hasMessageContaining("Snappy")
                .hasMessageContaining("only uncompressed");
    }

    @Test
    void aFileThatIsNoBundleIsRefused() throws IOException {
        Path notIndex = temp.resolve("other.index");
        Files.write(notIndex, new byte[100]);
        assertThatThrownBy(() -> TensorBundleReader.open(notIndex)).hasMessageContaining("magic");
        assertThatThrownBy(() -> TensorBundleReader.open(temp.resolve("nothing")))
                .hasMessageContaining("no such TensorFlow bundle index");
    }

    private static boolean isFloat(String name) {
        return !name.equals("global_step");
    }

    private static long readVarint(byte[] bytes, int position) {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[position++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
            channel.write(one, position);
        }
    }

}
