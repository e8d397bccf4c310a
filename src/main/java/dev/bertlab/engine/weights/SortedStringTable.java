package dev.bertlab.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a whole LevelDB-format table (SSTable), the format of a TensorFlow bundle's {@code .index} file: a footer
 * pointing at an index block, whose entries point at the data blocks, each a run of prefix-compressed key/value
 * entries followed by a restart array. Only uncompressed tables are supported, which is what TensorFlow writes.
 */
final class SortedStringTable {

    /** One key/value pair of the table. */
    record Entry(byte[] key, byte[] value) {
    }

    static final int FOOTER_LENGTH = 48;
    static final long MAGIC = 0xdb4775248b80fb57L;
    private static final int BLOCK_TRAILER_LENGTH = 5;
    private static final int NO_COMPRESSION = 0;

    private final Path file;
    private final byte[] bytes;

    private SortedStringTable(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** Every entry of the table at {@code file}, in key order. */
    static List<Entry> readAll(Path file) throws IOException {
        return new SortedStringTable(file, Files.readAllBytes(file)).entries();
    }

    /** Every entry of a table held in memory; {@code file} only names it in messages. */
    static List<Entry> readAll(Path file, byte[] bytes) throws IOException {
        return new SortedStringTable(file, bytes).entries();
    }

    private List<Entry> entries() throws IOException {
        if (bytes.length < FOOTER_LENGTH) {
            throw fail("is " + bytes.length + " bytes long, shorter than the " + FOOTER_LENGTH
                    + "-byte footer of a LevelDB table: the file is truncated or not a TensorFlow index");
        }
        int footer = bytes.length - FOOTER_LENGTH;
        long magic = ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (magic != MAGIC) {
            throw fail(String.format("ends in 0x%016x, not the LevelDB table magic 0x%016x: the file is truncated"
                    + " or not a TensorFlow index", magic, MAGIC));
        }
        Cursor footerCursor = new Cursor(footer, bytes.length - 8);
        footerCursor.readBlockHandle("metaindex");
        long[] indexHandle = footerCursor.readBlockHandle("index");

        List<Entry> result = new ArrayList<>();
        for (Entry indexEntry : readBlock(indexHandle, "index block")) {
            Cursor handleCursor = new Cursor(0, indexEntry.value().length, indexEntry.value());
            long[] dataHandle = handleCursor.readBlockHandle("data");
            result.addAll(readBlock(dataHandle, "data block at offset " + dataHandle[0]));
        }
        return result;
    }

    private List<Entry> readBlock(long[] handle, String what) throws IOException {
        long offset = handle[0];
        long size = handle[1];
        if (offset < 0 || size < 4 || offset + size + BLOCK_TRAILER_LENGTH > bytes.length - FOOTER_LENGTH) {
            throw fail(what + " (offset " + offset + ", size " + size + ") lies outside the file's "
                    + bytes.length + " bytes: the file is truncated or corrupt");
        }
        int start = (int) offset;
        int end = start + (int) size;
        int compression = bytes[end] & 0xff;
        if (compression != NO_COMPRESSION) {
            throw fail(what + " is compressed (compression type " + compression + (compression == 1 ? ", Snappy" : "")
                    + "); only uncompressed tables, as TensorFlow writes them, are supported");
        }
        int storedCrc = ByteBuffer.wrap(bytes, end + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int actualCrc = MaskedCrc32c.of(bytes, start, (int) size + 1);
        if (storedCrc != actualCrc) {
            throw fail(String.format("%s fails its checksum (stored 0x%08x, computed 0x%08x): the file is corrupt",
                    what, storedCrc, actualCrc));
        }
        int restartCount = ByteBuffer.wrap(bytes, end - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        long restartsStart = end - 4 - 4L * restartCount;
        if (restartCount < 0 || restartsStart < start) {
            throw fail(what + " claims " + restartCount + " restart points, more than its " + size
                    + " bytes hold: the file is corrupt");
        }
        List<Entry> entries = new ArrayList<>();
        Cursor cursor = new Cursor(start, (int) restartsStart);
        byte[] previousKey = new byte[0];
        while (cursor.hasRemaining()) {
            int entryOffset = cursor.position;
            int shared = cursor.readVarint32(what);
            int unshared = cursor.readVarint32(what);
            int valueLength = cursor.readVarint32(what);
            if (shared > previousKey.length) {
                throw fail(what + ": the entry at byte " + entryOffset + " shares " + shared
                        + " key bytes with a previous key of " + previousKey.length + ": the file is corrupt");
            }
            byte[] key = Arrays.copyOf(previousKey, shared + unshared);
            System.arraycopy(cursor.take(unshared, what), 0, key, shared, unshared);
            byte[] value = cursor.take(valueLength, what);
            entries.add(new Entry(key, value));
            previousKey = key;
        }
        return entries;
    }

    private WeightFormatException fail(String problem) {
        return new WeightFormatException(file, problem);
    }

    /** Reads LevelDB varints within [position, limit) of a byte array. */
    private final class Cursor {
        private final byte[] data;
        private final int limit;
        private int position;

        Cursor(int position, int limit) {
            this(position, limit, bytes);
        }

        Cursor(int position, int limit, byte[] data) {
            this.data = data;
            this.position = position;
            this.limit = limit;
        }

        boolean hasRemaining() {
            return position < limit;
        }

        long[] readBlockHandle(String what) throws WeightFormatException {
            return new long[] {readVarint64(what + " block handle"), readVarint64(what + " block handle")};
        }

        int readVarint32(String what) throws WeightFormatException {
            long value = readVarint64(what);
            if (value > Integer.MAX_VALUE) {
                throw fail(what + ": length " + value + " at byte " + position + " is too large: the file is corrupt");
            }
            return (int) value;
        }

        long readVarint64(String what) throws WeightFormatException {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= limit) {
                    throw fail(what + ": a number runs past its end at byte " + position + ": the file is corrupt");
                }
                byte b = data[position++];
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw fail(what + ": a number longer than 10 bytes at byte " + position + ": the file is corrupt");
        }

        byte[] take(int length, String what) throws WeightFormatException {
            if (length > limit - position) {
                throw fail(what + ": an entry of " + length + " bytes at byte " + position
                        + " runs past the end of its block: the file is corrupt");
            }
            byte[] out = Arrays.copyOfRange(data, position, position + length);
            position += length;
            return out;
        }
    }
}
