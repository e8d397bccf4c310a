package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.train.Hyperparameters;
import java.util.List;
import java.util.Map;

/**
 * What the data checks look at: the dataset, the hyperparameters of the run it is for, the training split as the
 * run would encode it (null without a tokenizer), per-example training losses (empty when none are known) and
 * the duplicate index of the training texts, built once for the duplicate and the leakage check.
 */
record DataUnderReview(LabeledDataset dataset, Hyperparameters hyperparameters, List<EncodedText> encodedTrain,
        Map<String, Double> trainingLosses, NearDuplicateIndex trainIndex) {

    List<Example> train() {
        return dataset.split(Split.TRAIN);
    }

    boolean classification() {
        return dataset.info().task() == TaskType.SINGLE_LABEL_CLASSIFICATION;
    }

    /** What the duplicate checks compare: for a pair task both texts, since the same pair is the duplicate. */
    static String comparedText(Example example) {
        return example.textPair() == null ? example.text() : example.text() + " [SEP] " + example.textPair();
    }

    boolean encoded() {
        return encodedTrain != null;
    }
}
