package dev.bertlab.engine.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A protobuf message built field by field, by number, without generated classes: ONNX's schema is stable and small,
 * and this keeps the build free of protoc. The size of a message is known before it is written, so a model of
 * several hundred megabytes streams to disk with its float tensors copied once, in chunks, never as a second array.
 */
final class ProtoMessage {

    private static final int CHUNK_FLOATS = 1 << 16;
    /** Marks a fixed32 field; compared by identity. */
    private static final byte[] FIXED32 = new byte[0];

    private final List<Field> fields = new ArrayList<>();

    ProtoMessage varint(int number, long value) {
        fields.add(new Field(number, value, null, null, null));
        return this;
    }

    /** A {@code float} field (wire type fixed32). */
    ProtoMessage float32(int number, float value) {
        fields.add(new Field(number, Float.floatToRawIntBits(value), FIXED32, null, null));
        return this;
    }

    ProtoMessage string(int number, String value) {
        fields.add(new Field(number, 0, value.getBytes(StandardCharsets.UTF_8), null, null));
        return this;
    }

    ProtoMessage bytes(int number, byte[] value) {
        fields.add(new Field(number, 0, value, null, null));
        return this;
    }

    ProtoMessage message(int number, ProtoMessage value) {
        fields.add(new Field(number, 0, null, value, null));
        return this;
    }

    /** A bytes field holding {@code values} as little-endian float32 (ONNX's {@code raw_data}). */
    ProtoMessage floats(int number, float[] values) {
        fields.add(new Field(number, 0, null, null, values));
        return this;
    }

    long size() {
        long size = 0;
        for (Field field : fields) {
            size += field.size();
        }
        return size;
    }

    void writeTo(CodedOutputStream out) throws IOException {
        for (Field field : fields) {
            field.writeTo(out);
        }
    }

    private record Field(int number, long varint, byte[] bytes, ProtoMessage message, float[] floats) {

        long payloadSize() {
            if (bytes != null) {
                return bytes.length;
            }
            if (message != null) {
                return message.size();
            }
            return 4L * floats.length;
        }

        long size() {
            int tag = CodedOutputStream.computeTagSize(number);
            if (bytes == FIXED32) {
                return tag + 4;
            }
            if (bytes == null && message == null && floats == null) {
                return tag + CodedOutputStream.computeUInt64SizeNoTag(varint);
            }
            long payload = payloadSize();
            return tag + CodedOutputStream.computeUInt64SizeNoTag(payload) + payload;
        }

        void writeTo(CodedOutputStream out) throws IOException {
            if (bytes == FIXED32) {
                out.writeFixed32(number, (int) varint);
                return;
            }
            if (bytes == null && message == null && floats == null) {
                out.writeUInt64(number, varint);
                return;
            }
            out.writeTag(number, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt64NoTag(payloadSize());
            if (bytes != null) {
                out.writeRawBytes(bytes);
            } else if (message != null) {
                message.writeTo(out);
            } else {
                ByteBuffer chunk = ByteBuffer.allocate(4 * Math.min(CHUNK_FLOATS, floats.length))
                        .order(ByteOrder.LITTLE_ENDIAN);
                for (int start = 0; start < floats.length; start += CHUNK_FLOATS) {
                    int end = Math.min(floats.length, start + CHUNK_FLOATS);
                    chunk.clear();
                    chunk.asFloatBuffer().put(floats, start, end - start);
                    out.writeRawBytes(chunk.array(), 0, 4 * (end - start));
                }
            }
        }
    }
}
