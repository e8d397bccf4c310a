package dev.bertlab.engine.predict;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.train.BatchCollator;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Forward passes through ONNX Runtime on a graph with BERT's three inputs (the model's {@code model.onnx}, or any
 * encoder exported the same way). A session is thread-safe: concurrent
 * requests share it. Each call uses the node's cores for its operators (intra-op threads); graph optimizations at
 * their highest level.
 */
public final class OnnxForward implements BatchForward, AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final BatchCollator collator;

    public OnnxForward(Path modelOnnx, BatchCollator collator, int threads) {
        this(modelOnnx, collator, threads, null);
    }

    /**
     * A session that records each operator's time with ONNX Runtime's profiler (the bench's breakdown); the
     * profile is written by {@link #endProfiling()}.
     *
     * @param profilePrefix where the profile goes (ONNX Runtime adds a time stamp and ".json")
     */
    public static OnnxForward profiled(Path modelOnnx, BatchCollator collator, int threads, Path profilePrefix) {
        return new OnnxForward(modelOnnx, collator, threads, profilePrefix);
    }

    private OnnxForward(Path modelOnnx, BatchCollator collator, int threads, Path profilePrefix) {
        this.collator = collator;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // ONNX Runtime's pool threads spin after each call by default: on a small machine that takes a core
            // from the web server, the tokenizer and training exactly while a request is being answered
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            if (profilePrefix != null) {
                options.enableProfiling(profilePrefix.toString());
            }
            this.session = environment.createSession(modelOnnx.toString(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + modelOnnx + ": " + e.getMessage(), e);
        }
    }

    @Override
    public float[][] forward(List<EncodedText> batch) {
        BatchCollator.Padded padded = collator.pad(batch);
        long[] shape = {padded.rows(), padded.length()};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(padded.ids()), shape);
                OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(padded.mask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(padded.types()), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask,
                        "token_type_ids", types))) {
            // the first output, one row per text: logits [B, labels] here, any [B, ...] output for other graphs
            java.nio.FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] flat = new float[output.remaining()];
            output.get(flat);
            return BatchPredictor.rows(flat, padded.rows());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + batch.size() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes the profile of a {@link #profiled} session and says where. */
    public Path endProfiling() {
        try {
            return Path.of(session.endProfiling());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not write its profile: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
