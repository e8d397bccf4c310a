package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.train.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a dataset before (or after) a run: heavy truncation, class imbalance, duplicates, train-test leakage,
 * empty or short texts, a high [UNK] rate and, given per-example training losses, suspected label noise. Each
 * kind is reported at most once. The duplicate checks run in about linear time (50,000 reviews take seconds).
 */
public final class DataDiagnostician {

    private final List<DataCheck> checks = List.of(new TruncationCheck(), new ClassImbalanceCheck(),
            new DuplicatesCheck(), new LeakageCheck(), new ShortTextsCheck(), new UnknownTokensCheck(),
            new LabelNoiseCheck());

    /**
     * Checks a dataset for a run with {@code hp}.
     *
     * @param encoder the base model's tokenizer, or null to skip the length and [UNK] checks; it is used with the
     *     run's max_length and truncation, not its own
     */
    public List<Diagnosis> diagnose(LabeledDataset dataset, Hyperparameters hp, TextEncoder encoder) {
        return diagnose(dataset, hp, encoder, Map.of());
    }

    /**
     * Checks a dataset, with the per-example losses of a trained model on the training split for the label-noise
     * check.
     *
     * @param trainingLossById cross-entropy of each training example under the trained model, by example id
     */
    public List<Diagnosis> diagnose(LabeledDataset dataset, Hyperparameters hp, TextEncoder encoder,
            Map<String, Double> trainingLossById) {
        DataUnderReview data = review(dataset, hp, encoder, trainingLossById);
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (DataCheck check : checks) {
            check.check(data).ifPresent(diagnoses::add);
        }
        return diagnoses;
    }

    /** Only the label-noise check: for a finished run's page, which has the losses but needs nothing else. */
    public Optional<Diagnosis> suspectedLabelNoise(LabeledDataset dataset, Hyperparameters hp,
            Map<String, Double> trainingLossById) {
        DataUnderReview data = new DataUnderReview(dataset, hp, null, Map.copyOf(trainingLossById),
                new NearDuplicateIndex(List.of()));
        return new LabelNoiseCheck().check(data);
    }

    private static DataUnderReview review(LabeledDataset dataset, Hyperparameters hp, TextEncoder encoder,
            Map<String, Double> trainingLossById) {
        List<Example> train = dataset.split(Split.TRAIN);
        List<EncodedText> encoded = null;
        if (encoder != null) {
            // a copy sharing the tokenizer: must not be closed, the caller owns the encoder
            TextEncoder asTheRunEncodes = encoder.withLimits(hp.maxLength(), hp.truncationRule());
            boolean pairs = train.stream().anyMatch(e -> e.textPair() != null);
            encoded = asTheRunEncodes.encodeAll(train.stream().map(Example::text).toList(),
                    pairs ? train.stream().map(e -> e.textPair() == null ? "" : e.textPair()).toList() : null,
                    done -> { });
        }
        NearDuplicateIndex index = new NearDuplicateIndex(train.stream().map(DataUnderReview::comparedText)
                .toList());
        return new DataUnderReview(dataset, hp, encoded, Map.copyOf(trainingLossById), index);
    }
}
