package dev.bertlab.engine.predict;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.BatchCollator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Hugging Face's fill-mask pipeline with the masked-LM head of a pre-trained checkpoint: the most probable tokens
 * for each [MASK]. It proves that weights and tokenizer were read correctly ("the capital of france is [MASK]."
 * must answer "paris").
 */
public final class MaskFiller implements AutoCloseable {

    private final LoadedBert model;
    private final TextEncoder encoder;

    private MaskFiller(LoadedBert model, TextEncoder encoder) {
        this.model = model;
        this.encoder = encoder;
    }

    public static MaskFiller open(PretrainedBert pretrained, Device device) throws IOException {
        if (!pretrained.weights().containsKey("cls.predictions.transform.dense.weight")) {
            throw new IllegalArgumentException(pretrained.name() + " has no masked-LM head (Google's checkpoints "
                    + "have one; MiniLM's ONNX export and fine-tuned classifiers do not)");
        }
        TextEncoder encoder = TextEncoder.open(pretrained.tokenizerJson(), 512, Truncation.HEAD);
        LoadedBert model = LoadedBert.create(pretrained.config(), TaskHead.maskedLm(), DropoutRates.NONE, device,
                pretrained.weights(), 0);
        return new MaskFiller(model, encoder);
    }

    /**
     * One candidate for a mask.
     *
     * @param token the predicted token
     * @param probability its softmax probability
     */
    public record Candidate(String token, double probability) {
    }

    /** Candidates for each [MASK] in the text, in order of the masks. */
    public List<List<Candidate>> fill(String text, int top) {
        EncodedText input = encoder.encode(text, null);
        int maskId = encoder.vocabulary().maskId();
        int[] positions = IntStream.range(0, input.length()).filter(i -> input.ids()[i] == maskId).toArray();
        if (positions.length == 0) {
            throw new IllegalArgumentException("the text has no [MASK] token to fill");
        }
        List<List<Candidate>> answers = new ArrayList<>();
        try (NDManager scope = model.model().getNDManager().newSubManager()) {
            NDList inputs = BatchCollator.dynamic(encoder.vocabulary().padId()).collate(scope, List.of(input));
            NDArray logits = model.network().forward(new ParameterStore(scope, false), inputs, false)
                    .singletonOrThrow();
            for (int position : positions) {
                float[] probabilities = logits.get(0).get(position).softmax(-1).toFloatArray();
                List<Candidate> best = IntStream.range(0, probabilities.length).boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                        .limit(top)
                        .map(i -> new Candidate(encoder.vocabulary().token(i), probabilities[i]))
                        .toList();
                answers.add(best);
            }
        }
        return answers;
    }

    @Override
    public void close() {
        model.close();
        encoder.close();
    }
}
