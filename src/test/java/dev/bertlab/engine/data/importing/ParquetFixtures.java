package dev.bertlab.engine.data.importing;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/** Writes Parquet test files with parquet's own example writer. */
final class ParquetFixtures {

    private ParquetFixtures() {
    }

    /**
     * @param schema a Parquet message type, e.g. {@code message m { required binary text (STRING); }}
     * @param rows   one filler per row, given a fresh group to append values to
     */
    static <T> Path write(Path file, String schema, CompressionCodecName codec, List<T> rows,
                          BiConsumer<Group, T> filler) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(type)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(codec)
                .build()) {
            for (T row : rows) {
                Group group = groups.newGroup();
                filler.accept(group, row);
                writer.write(group);
            }
        }
        return file;
    }
}
