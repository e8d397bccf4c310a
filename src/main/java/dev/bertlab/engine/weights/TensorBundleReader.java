package dev.bertlab.engine.weights;

import com.google.protobuf.CodedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads float32 tensors from a TensorFlow tensor bundle, the {@code variables/} folder of a SavedModel or a
 * checkpoint: {@code PREFIX.index} (a LevelDB table of {@code BundleEntryProto}s) and
 * {@code PREFIX.data-00000-of-00001} (the raw little-endian bytes). Every tensor read is checked against the CRC32C
 * the index stores for it. The data files are memory-mapped one tensor at a time, so files over 2 GB work.
 */
public final class TensorBundleReader implements Closeable {

    private static final String INDEX_SUFFIX = ".index";

    private final Path indexFile;
    private final String prefix;
    private final int shardCount;
    private final Map<String, BundleEntry> entries;
    private final FileChannel[] shards;

    private TensorBundleReader(Path indexFile, String prefix, int shardCount, Map<String, BundleEntry> entries) {
        this.indexFile = indexFile;
        this.prefix = prefix;
        this.shardCount = shardCount;
        this.entries = entries;
        this.shards = new FileChannel[shardCount];
    }

    /**
     * Opens a bundle and reads its index.
     *
     * @param prefixOrIndex the bundle prefix ({@code .../variables/variables}), its {@code .index} file, or the
     *        {@code variables/} folder of a SavedModel
     */
    public static TensorBundleReader open(Path prefixOrIndex) throws IOException {
        Path indexFile = indexFileOf(prefixOrIndex);
        if (!Files.isRegularFile(indexFile)) {
            throw new WeightFormatException(indexFile, "no such TensorFlow bundle index; expected the "
                    + "variables.index file of a SavedModel or a checkpoint's .index file");
        }
        String fileName = indexFile.getFileName().toString();
        String prefix = indexFile.resolveSibling(fileName.substring(0, fileName.length() - INDEX_SUFFIX.length()))
                .toString();
        int shardCount = 1;
        boolean sawHeader = false;
        Map<String, BundleEntry> entries = new LinkedHashMap<>();
        for (SortedStringTable.Entry entry : SortedStringTable.readAll(indexFile)) {
            String name = new String(entry.key(), StandardCharsets.UTF_8);
            if (name.isEmpty()) {
                shardCount = parseHeader(indexFile, entry.value());
                sawHeader = true;
            } else {
                entries.put(name, parseEntry(indexFile, name, entry.value()));
            }
        }
        if (!sawHeader) {
            throw new WeightFormatException(indexFile, "has no bundle header (the entry with the empty key):"
                    + " it is a LevelDB table but not a TensorFlow tensor bundle index");
        }
        for (BundleEntry entry : entries.values()) {
            if (entry.shardId() < 0 || entry.shardId() >= shardCount) {
                throw new WeightFormatException(indexFile, "tensor " + entry.name() + " lies in shard "
                        + entry.shardId() + " but the header declares " + shardCount + " shards");
            }
        }
        return new TensorBundleReader(indexFile, prefix, shardCount, Collections.unmodifiableMap(entries));
    }

    private static Path indexFileOf(Path path) {
        if (Files.isDirectory(path)) {
            return path.resolve("variables" + INDEX_SUFFIX);
        }
        if (path.getFileName().toString().endsWith(INDEX_SUFFIX)) {
            return path;
        }
        return path.resolveSibling(path.getFileName() + INDEX_SUFFIX);
    }

    /** The index file this reader was opened on. */
    public Path indexFile() {
        return indexFile;
    }

    /** Every tensor the index lists, by name, in the index's (sorted) order. */
    public Map<String, BundleEntry> entries() {
        return entries;
    }

    public Optional<BundleEntry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The data file that holds one shard, e.g. {@code variables.data-00000-of-00001}. */
    public Path dataFile(int shardId) {
        return Path.of(prefix + String.format(".data-%05d-of-%05d", shardId, shardCount));
    }

    /**
     * Reads one tensor and verifies its checksum.
     *
     * @throws WeightFormatException if the name is unknown, the tensor is not float32, or its bytes lie outside the
     *         data file
     * @throws TensorChecksumException if the bytes do not match the stored CRC32C
     */
    public NamedTensor read(String name) throws IOException {
        BundleEntry entry = entries.get(name);
        if (entry == null) {
            throw new WeightFormatException(indexFile, "has no tensor named " + name);
        }
        return read(entry);
    }

    /** Reads every tensor of the bundle, in index order. */
    public Map<String, NamedTensor> readAll() throws IOException {
        return readAll(name -> true);
    }

    /** Reads the tensors whose names pass {@code filter}, in index order. */
    public Map<String, NamedTensor> readAll(Predicate<String> filter) throws IOException {
        Map<String, NamedTensor> result = new LinkedHashMap<>();
        for (BundleEntry entry : entries.values()) {
            if (filter.test(entry.name())) {
                result.put(entry.name(), read(entry));
            }
        }
        return result;
    }

    private NamedTensor read(BundleEntry entry) throws IOException {
        if (entry.dtype() != BundleEntry.DT_FLOAT) {
            throw new WeightFormatException(indexFile, "tensor " + entry.name() + " is "
                    + BundleEntry.dtypeName(entry.dtype()) + "; only float32 (DT_FLOAT) tensors can be read");
        }
        long count = NamedTensor.elementCount(entry.name(), entry.shape());
        if (entry.size() != count * Float.BYTES) {
            throw new WeightFormatException(indexFile, "tensor " + entry.name() + " of shape "
                    + Arrays.toString(entry.shape()) + " should take " + count * Float.BYTES + " bytes but the index"
                    + " says " + entry.size());
        }
        if (entry.size() > Integer.MAX_VALUE) {
            throw new WeightFormatException(indexFile, "tensor " + entry.name() + " takes " + entry.size()
                    + " bytes; tensors over 2 GB cannot be read");
        }
        Path dataFile = dataFile(entry.shardId());
        FileChannel channel = shard(entry.shardId());
        long fileSize = channel.size();
        if (entry.offset() < 0 || entry.offset() + entry.size() > fileSize) {
            throw new WeightFormatException(dataFile, "tensor " + entry.name() + " should lie at bytes "
                    + entry.offset() + ".." + (entry.offset() + entry.size()) + " but the file has only " + fileSize
                    + " bytes: it is truncated");
        }
        MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, entry.offset(), entry.size());
        int actualCrc = MaskedCrc32c.of(bytes);
        if (actualCrc != entry.maskedCrc32c()) {
            throw new TensorChecksumException(dataFile, entry.name(), entry.maskedCrc32c() & 0xffffffffL,
                    actualCrc & 0xffffffffL);
        }
        float[] values = new float[(int) count];
        bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new NamedTensor(entry.name(), entry.shape(), values);
    }

    private FileChannel shard(int shardId) throws IOException {
        if (shards[shardId] == null) {
            Path dataFile = dataFile(shardId);
            if (!Files.isRegularFile(dataFile)) {
                throw new WeightFormatException(dataFile, "missing: the bundle index " + indexFile
                        + " needs this data file next to it");
            }
            shards[shardId] = FileChannel.open(dataFile, StandardOpenOption.READ);
        }
        return shards[shardId];
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel channel : shards) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** BundleHeaderProto: num_shards = 1, endianness = 2 (0 little, 1 big), version = 3. */
    private static int parseHeader(Path indexFile, byte[] proto) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(proto);
        int shardCount = 1;
        int endianness = 0;
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag >>> 3) {
                    case 1 -> shardCount = in.readInt32();
                    case 2 -> endianness = in.readEnum();
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new WeightFormatException(indexFile, "the bundle header is not a valid BundleHeaderProto", e);
        }
        if (endianness != 0) {
            throw new WeightFormatException(indexFile, "the bundle was written big-endian; only little-endian"
                    + " bundles are supported");
        }
        if (shardCount < 1) {
            throw new WeightFormatException(indexFile, "the bundle header declares " + shardCount + " shards");
        }
        return shardCount;
    }

    /**
     * BundleEntryProto: dtype = 1, shape = 2 (TensorShapeProto), shard_id = 3, offset = 4, size = 5,
     * crc32c = 6 (fixed32), slices = 7.
     */
    private static BundleEntry parseEntry(Path indexFile, String name, byte[] proto) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(proto);
        int dtype = 0;
        long[] shape = new long[0];
        int shardId = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag >>> 3) {
                    case 1 -> dtype = in.readEnum();
                    case 2 -> shape = parseShape(in.readBytes().newCodedInput());
                    case 3 -> shardId = in.readInt32();
                    case 4 -> offset = in.readInt64();
                    case 5 -> size = in.readInt64();
                    case 6 -> crc = in.readFixed32();
                    case 7 -> throw new WeightFormatException(indexFile, "tensor " + name + " is saved as"
                            + " partitioned slices; partitioned variables are not supported");
                    default -> in.skipField(tag);
                }
            }
        } catch (WeightFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new WeightFormatException(indexFile, "the index entry of tensor " + name
                    + " is not a valid BundleEntryProto", e);
        }
        return new BundleEntry(name, dtype, shape, shardId, offset, size, crc);
    }

    /** TensorShapeProto: dim = 2 (Dim: size = 1, name = 2), unknown_rank = 3. */
    private static long[] parseShape(CodedInputStream in) throws IOException {
        List<Long> dims = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 == 2) {
                CodedInputStream dim = in.readBytes().newCodedInput();
                long size = 0;
                for (int dimTag = dim.readTag(); dimTag != 0; dimTag = dim.readTag()) {
                    if (dimTag >>> 3 == 1) {
                        size = dim.readInt64();
                    } else {
                        dim.skipField(dimTag);
                    }
                }
                dims.add(size);
            } else {
                in.skipField(tag);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
