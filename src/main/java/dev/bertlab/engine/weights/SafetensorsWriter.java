package dev.bertlab.engine.weights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bertlab.engine.io.FileReplacement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes float32 tensors as a Hugging Face safetensors file: an 8-byte little-endian header length, a JSON header
 * ({@code __metadata__} first, then each tensor's dtype, shape and data offsets, in name order) padded with spaces
 * to a multiple of 8 bytes, then the tensors' bytes back to back. The same bytes as Hugging Face's
 * {@code safetensors} library writes for float32 tensors. The file appears complete or not at all: it is written to
 * a temporary file beside the target and then moved into place.
 */
public final class SafetensorsWriter {

    /** The metadata every file carries, so that Hugging Face's loaders treat it as a PyTorch state dict. */
    public static final Map<String, String> FORMAT_METADATA = Map.of("format", "pt");

    private static final int CHUNK_BYTES = 1 << 20;

    private SafetensorsWriter() {
    }

    /** Writes {@code tensors} to {@code file} with {@code {"format": "pt"}} as metadata. */
    public static void write(Path file, Collection<NamedTensor> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /**
     * Writes {@code tensors} to {@code file}, replacing it if it exists.
     *
     * @param metadata extra string pairs for {@code __metadata__}; {@code "format": "pt"} is always written first
     * @throws IllegalArgumentException if two tensors share a name or a tensor is named {@code __metadata__}
     */
    public static void write(Path file, Collection<NamedTensor> tensors, Map<String, String> metadata)
            throws IOException {
        List<NamedTensor> sorted = sortedByName(tensors);
        byte[] header = header(sorted, metadata);
        FileReplacement.write(file, temp -> {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                writeFully(out, ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(header.length).flip());
                writeFully(out, ByteBuffer.wrap(header));
                ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (NamedTensor tensor : sorted) {
                    writeValues(out, chunk, tensor.values());
                }
                out.force(true);
            }
        });
    }

    private static List<NamedTensor> sortedByName(Collection<NamedTensor> tensors) {
        List<NamedTensor> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparing(NamedTensor::name));
        Set<String> names = new HashSet<>();
        for (NamedTensor tensor : sorted) {
            if (!names.add(tensor.name())) {
                throw new IllegalArgumentException("two tensors are named " + tensor.name());
            }
            if (tensor.name().equals("__metadata__")) {
                throw new IllegalArgumentException("__metadata__ is reserved by safetensors; rename the tensor");
            }
        }
        return sorted;
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes so that the data after it is aligned. */
    static byte[] header(List<NamedTensor> sortedTensors, Map<String, String> metadata) throws IOException {
        Map<String, String> allMetadata = new LinkedHashMap<>(FORMAT_METADATA);
        new TreeMap<>(metadata).forEach(allMetadata::putIfAbsent);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(json)) {
            g.writeStartObject();
            g.writeObjectFieldStart("__metadata__");
            for (Map.Entry<String, String> entry : allMetadata.entrySet()) {
                g.writeStringField(entry.getKey(), entry.getValue());
            }
            g.writeEndObject();
            long offset = 0;
            for (NamedTensor tensor : sortedTensors) {
                long end = offset + (long) tensor.size() * Float.BYTES;
                g.writeObjectFieldStart(tensor.name());
                g.writeStringField("dtype", SafetensorsDtype.F32.name());
                g.writeArrayFieldStart("shape");
                for (long dim : tensor.shape()) {
                    g.writeNumber(dim);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("data_offsets");
                g.writeNumber(offset);
                g.writeNumber(end);
                g.writeEndArray();
                g.writeEndObject();
                offset = end;
            }
            g.writeEndObject();
        }
        int padding = (8 - json.size() % 8) % 8;
        for (int i = 0; i < padding; i++) {
            json.write(' ');
        }
        return json.toByteArray();
    }

    private static void writeValues(FileChannel out, ByteBuffer chunk, float[] values) throws IOException {
        // the view covers the chunk's remaining bytes: all of them only after clear()
        FloatBuffer floats = chunk.clear().asFloatBuffer();
        int perChunk = floats.capacity();
        for (int from = 0; from < values.length; from += perChunk) {
            int count = Math.min(perChunk, values.length - from);
            floats.clear();
            floats.put(values, from, count);
            chunk.clear().limit(count * Float.BYTES);
            writeFully(out, chunk);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }
}
