package dev.bertlab.engine.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.bertlab.engine.tokenize.EncodedText;
import java.util.List;

/**
 * Pads a micro-batch of encoded texts into the model's three inputs. By default it pads to the longest text of
 * the batch (dynamic padding), never to the max length, which on reviews saves half the compute.
 */
public final class BatchCollator {

    private final int padId;
    private final int padToLength;

    /**
     * @param padToLength 0 for dynamic padding, else the fixed length every batch is padded to
     */
    public BatchCollator(int padId, int padToLength) {
        this.padId = padId;
        this.padToLength = padToLength;
    }

    public int padId() {
        return padId;
    }

    public static BatchCollator dynamic(int padId) {
        return new BatchCollator(padId, 0);
    }

    /** The padded length a batch of these texts gets. */
    public int paddedLength(List<EncodedText> texts) {
        int longest = texts.stream().mapToInt(EncodedText::length).max().orElse(1);
        return Math.max(longest, padToLength);
    }

    /** input_ids, attention_mask, token_type_ids as int64 [B, L], created in {@code manager}. */
    public NDList collate(NDManager manager, List<EncodedText> texts) {
        Padded padded = pad(texts);
        Shape shape = new Shape(padded.rows(), padded.length());
        return new NDList(manager.create(padded.ids(), shape), manager.create(padded.mask(), shape),
                manager.create(padded.types(), shape));
    }

    /** The three inputs as row-major int64 arrays of [rows, length], for runtimes other than DJL. */
    public Padded pad(List<EncodedText> texts) {
        int batch = texts.size();
        int length = paddedLength(texts);
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int row = 0; row < batch; row++) {
            EncodedText text = texts.get(row);
            int offset = row * length;
            for (int i = 0; i < length; i++) {
                boolean real = i < text.length();
                ids[offset + i] = real ? text.ids()[i] : padId;
                mask[offset + i] = real ? 1 : 0;
                types[offset + i] = real ? text.typeIds()[i] : 0;
            }
        }
        return new Padded(batch, length, ids, mask, types);
    }

    /** A padded batch: input_ids, attention_mask and token_type_ids, each [rows, length] in row-major order. */
    public record Padded(int rows, int length, long[] ids, long[] mask, long[] types) {
    }
}
