package dev.bertlab.engine.data.importing;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Parquet through parquet-hadoop's example {@link Group} API on a local file, without a Hadoop file system. Only the
 * mapped columns are read; they must be plain (not nested or repeated) strings, integers, floats, booleans or
 * decimals.
 */
final class ParquetTableReader implements TableReader {

    @Override
    public RawTable read(Path file, String fileLabel, ColumnMapping columns, ProblemCollector problems)
            throws IOException {
        InputFile input = new LocalInputFile(file);
        MessageType schema;
        try (ParquetFileReader footer = ParquetFileReader.open(input,
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            schema = footer.getFooter().getFileMetaData().getSchema();
        } catch (RuntimeException | IOException e) {
            // Parquet names the file by its InputFile's toString, an object id
            String reason = String.valueOf(e.getMessage()).replaceFirst("^\\S*LocalInputFile@\\w+ ", "");
            problems.add(DatasetProblem.ofFile(fileLabel, "not a readable Parquet file: " + reason));
            return null;
        }
        Optional<String> tooWide = TableLimits.fileColumnsProblem(schema.getFieldCount());
        if (tooWide.isPresent()) {
            problems.add(DatasetProblem.ofFile(fileLabel, tooWide.get()));
            return null;
        }
        List<String> fileColumns = schema.getFields().stream().map(Type::getName).toList();
        Map<String, PrimitiveType> readable = new LinkedHashMap<>();
        for (String column : columns.names()) {
            if (!schema.containsField(column)) {
                continue;
            }
            Type type = schema.getType(column);
            if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
                problems.add(fileLabel, 0, column, "is a nested or repeated column; it must hold one plain string"
                        + " or number per row");
            } else if (type.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                problems.add(fileLabel, 0, column, "is an INT96 timestamp column; it must hold a string or number");
            } else {
                readable.put(column, type.asPrimitiveType());
            }
        }
        if (readable.isEmpty()) {
            return new RawTable(fileColumns, List.of());
        }
        MessageType projection = new MessageType(schema.getName(), List.copyOf(readable.values()));
        List<RawRow> rows = new ArrayList<>();
        PlainParquetConfiguration configuration = new PlainParquetConfiguration();
        configuration.set(ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(input, configuration) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build()) {
            Group group;
            long row = 0;
            while ((group = reader.read()) != null) {
                row++;
                int before = problems.count();
                RawRow raw = new RawRow(row, value(group, columns.text(), readable, fileLabel, row, problems),
                        value(group, columns.textPair(), readable, fileLabel, row, problems),
                        value(group, columns.label(), readable, fileLabel, row, problems));
                if (problems.count() == before) {
                    rows.add(raw);
                }
            }
        } catch (RuntimeException e) {
            problems.add(DatasetProblem.ofFile(fileLabel, "cannot read the Parquet data after row " + rows.size()
                    + " (" + e.getMessage() + ")"));
        }
        return new RawTable(fileColumns, rows);
    }

    private static String value(Group group, String column, Map<String, PrimitiveType> readable, String fileLabel,
                                long row, ProblemCollector problems) {
        if (column == null || !readable.containsKey(column)) {
            return null;
        }
        int field = group.getType().getFieldIndex(column);
        if (group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        PrimitiveType type = readable.get(column);
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        int scale = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal
                ? decimal.getScale() : -1;
        switch (type.getPrimitiveTypeName()) {
            case INT32:
                return scale >= 0 ? BigDecimal.valueOf(group.getInteger(field, 0), scale).toPlainString()
                        : Integer.toString(group.getInteger(field, 0));
            case INT64:
                return scale >= 0 ? BigDecimal.valueOf(group.getLong(field, 0), scale).toPlainString()
                        : Long.toString(group.getLong(field, 0));
            case FLOAT:
                return Float.toString(group.getFloat(field, 0));
            case DOUBLE:
                return Double.toString(group.getDouble(field, 0));
            case BOOLEAN:
                return Boolean.toString(group.getBoolean(field, 0));
            default:
                Binary binary = group.getBinary(field, 0);
                if (scale >= 0) {
                    return new BigDecimal(new BigInteger(binary.getBytes()), scale).toPlainString();
                }
                return decodeUtf8(binary, fileLabel, row, column, problems);
        }
    }

    private static String decodeUtf8(Binary binary, String fileLabel, long row, String column,
                                     ProblemCollector problems) {
        ByteBuffer bytes = binary.toByteBuffer();
        try {
            return Utf8Check.strictDecoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            problems.add(fileLabel, row, column, "the value is not valid UTF-8 text (" + e.getMessage()
                    + "); write strings as UTF-8");
            return null;
        }
    }
}
