package dev.bertlab.quickstart;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import java.util.List;

/**
 * The experiments a new installation starts with: the quickstart, the debugging story, the CPU recipe, the seed's GPU
 * recipe and a short Amazon run.
 */
final class SeedExperiments {

    static final String QUICKSTART_NAME = "Quickstart: MiniLM on 2,000 IMDb reviews";

    private SeedExperiments() {
    }

    /** Small enough to finish in minutes on two cores, good enough (about 0.8) to make the demo convincing. */
    /** The quickstart on {@code examples}: training, validation and test reviews (2,000, 200, 500 by default). */
    static Experiment quickstart(List<Integer> examples) {
        return experiment(QUICKSTART_NAME, "imdb", "all-MiniLM-L6-v2", examples.get(0), examples.get(1),
                examples.get(2), "quickstart, cpu",
                "Does a small distilled BERT learn review sentiment from 2,000 reviews in minutes on a CPU?",
                Hyperparameters.builder().learningRate(5e-5).batchSize(16).epochs(2).maxLength(128)
                        .metricForBestModel("accuracy").loggingSteps(5).build());
    }

    static final String STORY_NAME = "IMDb story: first try (MiniLM, 400 reviews, 6 epochs)";

    static List<Experiment> others() {
        return List.of(
                // the debugging story: small data and many epochs, so the curves turn and the assistant speaks
                experiment(STORY_NAME, "imdb", "all-MiniLM-L6-v2", 400, 200, 500, "story, imdb, cpu",
                        "A first try on a small slice: six epochs over 400 reviews, keeping the last weights. Watch "
                                + "the run page: does the validation loss turn up while the training loss keeps "
                                + "falling? Apply the suggested fix, run the debugged experiment, and compare the two.",
                        Hyperparameters.builder().learningRate(5e-5).batchSize(16).epochs(6).maxLength(128)
                                .loggingSteps(5).metricForBestModel("accuracy").loadBestModelAtEnd(false).build()),
                experiment("IMDb sentiment: MiniLM (CPU recipe)", "imdb", "all-MiniLM-L6-v2", 2000, 500, 1000,
                        "imdb, cpu", "The parity recipe: max length 256, one epoch, bucketed batches. The Python "
                                + "reference reached 0.826 accuracy.",
                        Hyperparameters.builder().learningRate(5e-5).batchSize(16).epochs(1).maxLength(256).build()),
                experiment("IMDb sentiment: bert-base-uncased (GPU recipe)", "imdb", "bert-base-uncased", null, null,
                        null, "imdb, gpu", "The classic recipe (lr 2e-5, batch 8, 3 epochs, weight decay 0.01) on all "
                                + "20,000 training reviews. Needs a GPU: BERT-base trains at about 2 samples/s on "
                                + "two CPU cores.",
                        Hyperparameters.builder().learningRate(2e-5).batchSize(8).epochs(3).weightDecay(0.01)
                                .maxLength(512).truncation("head+tail:128").metricForBestModel("accuracy")
                                .precision(dev.bertlab.engine.model.ComputePrecision.FP16).build()),
                experiment("Amazon review sentences: MiniLM", "amazon", "all-MiniLM-L6-v2", null, null, null,
                        "amazon, cpu", "Short product review sentences; a one-minute run.",
                        Hyperparameters.builder().learningRate(5e-5).batchSize(16).epochs(3).maxLength(64)
                                .metricForBestModel("accuracy").build()));
    }

    private static Experiment experiment(String name, String dataset, String model, Integer train, Integer validation,
            Integer test, String tags, String notes, Hyperparameters hp) {
        Experiment experiment = new Experiment();
        experiment.setName(name);
        experiment.setDataset(dataset);
        experiment.setBaseModel(model);
        experiment.setSubsetTrain(train);
        experiment.setSubsetValidation(validation);
        experiment.setSubsetTest(test);
        experiment.setTags(tags);
        experiment.setNotes(notes);
        experiment.setHyperparameters(hp);
        return experiment;
    }
}
