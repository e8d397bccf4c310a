package dev.bertlab.engine.run;

import java.nio.file.Path;

/** The files of one run, in one place so that the CLI, the web app and tests agree on names. */
public record RunDirectory(Path root) {

    public Path config() {
        return root.resolve("run_config.yaml");
    }

    public Path summary() {
        return root.resolve("run.json");
    }

    public Path trainingLog() {
        return root.resolve("training_log.jsonl");
    }

    public Path tokenStats() {
        return root.resolve("token_stats.json");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path predictions(String split) {
        return root.resolve("predictions_" + split + ".csv");
    }

    public Path metrics(String split) {
        return root.resolve("metrics_" + split + ".json");
    }

    /** What the debugging assistant found, as a JSON list of diagnoses. */
    public Path diagnoses() {
        return root.resolve("diagnoses.json");
    }

    /** The fine-tuned model in Hugging Face's layout. */
    public Path model() {
        return root.resolve("model");
    }
}
