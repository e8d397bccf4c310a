package dev.bertlab.worker;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.run.RunSummary;
import dev.bertlab.engine.train.TrainingEvents;

/**
 * What a worker process tells its parent about the run it trains: the engine's events as they happen, then how
 * the run ended. One message is one line on the worker's standard output ({@link WorkerProtocol}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WorkerMessage.Status.class, name = "status"),
        @JsonSubTypes.Type(value = WorkerMessage.Started.class, name = "started"),
        @JsonSubTypes.Type(value = WorkerMessage.Step.class, name = "step"),
        @JsonSubTypes.Type(value = WorkerMessage.Evaluation.class, name = "evaluation"),
        @JsonSubTypes.Type(value = WorkerMessage.Progress.class, name = "progress"),
        @JsonSubTypes.Type(value = WorkerMessage.Notice.class, name = "notice"),
        @JsonSubTypes.Type(value = WorkerMessage.Diagnosed.class, name = "diagnosis"),
        @JsonSubTypes.Type(value = WorkerMessage.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = WorkerMessage.Failed.class, name = "failed")})
public sealed interface WorkerMessage {

    /** A preparation stage (dataset, model, tokenization, evaluation): one line of the run's activity. */
    record Status(String line) implements WorkerMessage {
    }

    record Started(TrainingEvents.Started event) implements WorkerMessage {
    }

    record Step(TrainingEvents.StepLogged event) implements WorkerMessage {
    }

    record Evaluation(TrainingEvents.Evaluated event) implements WorkerMessage {
    }

    record Progress(TrainingEvents.Progress event) implements WorkerMessage {
    }

    record Notice(TrainingEvents.Notice event) implements WorkerMessage {
    }

    record Diagnosed(Diagnosis diagnosis) implements WorkerMessage {
    }

    /** The run ended (completed, early-stopped, cancelled or diverged); the worker exits next. */
    record Finished(RunSummary summary) implements WorkerMessage {
    }

    /** The run could not go on (bad data, a missing model, an error): the reason a person is shown. */
    record Failed(String reason) implements WorkerMessage {
    }
}
