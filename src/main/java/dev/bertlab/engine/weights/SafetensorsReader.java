package dev.bertlab.engine.weights;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.bertlab.engine.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Hugging Face safetensors file. The header is checked completely on {@link #open}: every tensor's dtype,
 * shape and byte range, and that the ranges tile the data section exactly (no overlap, no gap, nothing missing at
 * the end), so a truncated or malformed file fails before any tensor is used. Tensors are memory-mapped one at a
 * time (files over 2 GB work) and returned as float32; F16, BF16 and F64 are converted.
 */
public final class SafetensorsReader implements Closeable {

    // a key given twice is ambiguous (which tensor is meant?), so it is an error rather than last-one-wins
    private static final ObjectReader HEADER_READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Logger log = LoggerFactory.getLogger(SafetensorsReader.class);

    /** Hugging Face's own reader refuses larger headers; so does this one, to fail fast on a file of another kind. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final String METADATA_KEY = "__metadata__";

    /**
     * One tensor as the header declares it.
     *
     * @param name the tensor name
     * @param dtype the element type
     * @param shape the dimensions, outermost first
     * @param begin where its bytes start, counted from the end of the header
     * @param end where its bytes end (exclusive)
     */
    public record Entry(String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {
        public Entry {
            shape = shape.clone();
        }

        @Override
        public String toString() {
            return "Entry[" + name + " " + dtype + " " + Arrays.toString(shape) + " bytes " + begin + ".." + end
                    + "]";
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, String> metadata;
    private final Map<String, Entry> entries;

    private SafetensorsReader(Path file, FileChannel channel, long dataStart, Map<String, String> metadata,
            Map<String, Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.metadata = metadata;
        this.entries = entries;
    }

    /**
     * Opens a safetensors file and validates its header.
     *
     * @throws WeightFormatException if the file is truncated, its header is not valid JSON of the safetensors
     *         layout, or the tensors' byte ranges overlap, leave gaps or run past the end
     */
    public static SafetensorsReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new WeightFormatException(file, "no such safetensors file");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return open(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static SafetensorsReader open(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < Long.BYTES) {
            throw new WeightFormatException(file, "is " + fileSize + " bytes long, shorter than the 8-byte header"
                    + " length every safetensors file starts with: it is truncated or empty");
        }
        long headerLength = readFully(channel, 0, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
            throw new WeightFormatException(file, "declares a header of " + headerLength + " bytes, which no"
                    + " safetensors file has: it is not a safetensors file or it is corrupt");
        }
        if (Long.BYTES + headerLength > fileSize) {
            throw new WeightFormatException(file, "declares a header of " + headerLength + " bytes but only "
                    + (fileSize - Long.BYTES) + " bytes follow the header length: the file is truncated");
        }
        ByteBuffer headerBytes = readFully(channel, Long.BYTES, (int) headerLength);
        String header = StandardCharsets.UTF_8.decode(headerBytes).toString();
        JsonNode root;
        try {
            root = HEADER_READER.readTree(header);
        } catch (JsonProcessingException e) {
            throw new WeightFormatException(file, "has a header that is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + " of the header): "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WeightFormatException(file, "has a header that is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                entries.put(field.getKey(), readEntry(file, field.getKey(), field.getValue()));
            }
        }
        long dataStart = Long.BYTES + headerLength;
        checkTiling(file, entries.values(), fileSize - dataStart);
        return new SafetensorsReader(file, channel, dataStart, Collections.unmodifiableMap(metadata),
                Collections.unmodifiableMap(entries));
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> metadata)
            throws WeightFormatException {
        if (!node.isObject()) {
            throw new WeightFormatException(file, "__metadata__ must be a JSON object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> pair = it.next();
            if (!pair.getValue().isTextual()) {
                throw new WeightFormatException(file, "__metadata__ entry " + pair.getKey()
                        + " must be a string, not " + pair.getValue());
            }
            metadata.put(pair.getKey(), pair.getValue().textValue());
        }
    }

    private static Entry readEntry(Path file, String name, JsonNode node) throws WeightFormatException {
        String where = "tensor " + name + ": ";
        if (!node.isObject()) {
            throw new WeightFormatException(file, where + "its header entry must be an object with dtype, shape"
                    + " and data_offsets");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new WeightFormatException(file, where + "no dtype");
        }
        SafetensorsDtype dtype = SafetensorsDtype.of(dtypeNode.textValue()).orElseThrow(() ->
                new WeightFormatException(file, where + "unknown dtype " + dtypeNode.textValue()));
        long[] shape = longArray(file, where + "shape", node.get("shape"), -1);
        long[] offsets = longArray(file, where + "data_offsets", node.get("data_offsets"), 2);
        long elements = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new WeightFormatException(file, where + "negative dimension in shape " + Arrays.toString(shape));
            }
            try {
                elements = Math.multiplyExact(elements, dim);
            } catch (ArithmeticException e) {
                throw new WeightFormatException(file, where + "shape " + Arrays.toString(shape) + " overflows");
            }
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin < 0 || end < begin) {
            throw new WeightFormatException(file, where + "data_offsets " + Arrays.toString(offsets)
                    + " are not a byte range");
        }
        if (end - begin != elements * dtype.byteSize()) {
            throw new WeightFormatException(file, where + "shape " + Arrays.toString(shape) + " of " + dtype
                    + " takes " + elements * dtype.byteSize() + " bytes but data_offsets "
                    + Arrays.toString(offsets) + " span " + (end - begin));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static long[] longArray(Path file, String what, JsonNode node, int requiredLength)
            throws WeightFormatException {
        if (node == null || !node.isArray() || (requiredLength >= 0 && node.size() != requiredLength)) {
            throw new WeightFormatException(file, what + " must be an array"
                    + (requiredLength >= 0 ? " of " + requiredLength + " integers" : " of integers") + ", not "
                    + node);
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new WeightFormatException(file, what + " must hold integers, not " + value);
            }
            values[i] = value.longValue();
        }
        return values;
    }

    /** The tensors must cover the data section exactly: Hugging Face's reader refuses anything else too. */
    private static void checkTiling(Path file, Collection<Entry> entries, long dataLength)
            throws WeightFormatException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        Entry previous = null;
        for (Entry entry : byOffset) {
            if (entry.begin() < expected) {
                throw new WeightFormatException(file, "tensor " + entry.name() + " (bytes " + entry.begin() + ".."
                        + entry.end() + ") overlaps tensor " + previous.name() + " (bytes " + previous.begin() + ".."
                        + previous.end() + "): the header is corrupt");
            }
            if (entry.begin() > expected) {
                throw new WeightFormatException(file, "bytes " + expected + ".." + entry.begin() + " of the data"
                        + " belong to no tensor (before tensor " + entry.name() + "): the header is corrupt");
            }
            expected = entry.end();
            previous = entry;
        }
        if (expected > dataLength) {
            throw new WeightFormatException(file, "the header declares " + expected + " bytes of tensor data but"
                    + " only " + dataLength + " follow it: the file is truncated");
        }
        if (expected < dataLength) {
            throw new WeightFormatException(file, (dataLength - expected) + " bytes after the last tensor belong to"
                    + " no tensor: the header is corrupt or the file was appended to");
        }
    }

    public Path file() {
        return file;
    }

    /** The {@code __metadata__} pairs, e.g. {@code format=pt}. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Every tensor the header declares, in header order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /**
     * Reads one tensor as float32.
     *
     * @throws WeightFormatException if there is no such tensor or its dtype is not F32, F16, BF16 or F64
     */
    public NamedTensor read(String name) throws IOException {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new WeightFormatException(file, "has no tensor named " + name);
        }
        if (!entry.dtype().readableAsFloat()) {
            throw new WeightFormatException(file, "tensor " + name + " is " + entry.dtype()
                    + "; only floating-point tensors (F32, F16, BF16, F64) can be read as weights");
        }
        int count = (int) NamedTensor.elementCount(name, entry.shape());
        if (entry.end() - entry.begin() > Integer.MAX_VALUE) {
            throw new WeightFormatException(file, "tensor " + name + " takes " + (entry.end() - entry.begin())
                    + " bytes; tensors over 2 GB cannot be read");
        }
        float[] values = new float[count];
        if (count > 0) {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin(),
                    entry.end() - entry.begin()).order(ByteOrder.LITTLE_ENDIAN);
            switch (entry.dtype()) {
                case F32 -> bytes.asFloatBuffer().get(values);
                case F64 -> {
                    var doubles = bytes.asDoubleBuffer();
                    for (int i = 0; i < count; i++) {
                        values[i] = (float) doubles.get(i);
                    }
                }
                case F16 -> {
                    ShortBuffer halves = bytes.asShortBuffer();
                    for (int i = 0; i < count; i++) {
                        values[i] = SafetensorsDtype.halfToFloat(halves.get(i));
                    }
                }
                case BF16 -> {
                    ShortBuffer halves = bytes.asShortBuffer();
                    for (int i = 0; i < count; i++) {
                        values[i] = SafetensorsDtype.bfloat16ToFloat(halves.get(i));
                    }
                }
                default -> throw new IllegalStateException("unreachable: " + entry.dtype());
            }
        }
        return new NamedTensor(name, entry.shape(), values);
    }

    /**
     * Reads every floating-point tensor, in header order. Tensors of other types (an I64 {@code position_ids}
     * buffer, say) are not weights and are skipped with a debug note.
     */
    public Map<String, NamedTensor> readAll() throws IOException {
        Map<String, NamedTensor> result = new LinkedHashMap<>();
        for (Entry entry : entries.values()) {
            if (entry.dtype().readableAsFloat()) {
                result.put(entry.name(), read(entry.name()));
            } else {
                log.debug("{}: skipping {} tensor {}, not a weight", file, entry.dtype(), entry.name());
            }
        }
        return result;
    }

    /** Every floating-point tensor of {@code file}: open, read all, close. */
    public static Map<String, NamedTensor> readAll(Path file) throws IOException {
        try (SafetensorsReader reader = open(file)) {
            return reader.readAll();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
