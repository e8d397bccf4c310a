package dev.bertlab.worker;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisListener;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;
import java.io.PrintStream;

/** In a worker process: hands every event of the engine to the parent, one line each, in the order they happen. */
final class WorkerReporter implements TrainingEventListener, DiagnosisListener {

    private final PrintStream parent;

    WorkerReporter(PrintStream parent) {
        this.parent = parent;
    }

    void send(WorkerMessage message) {
        String line = WorkerProtocol.line(message);
        synchronized (parent) {
            parent.println(line);
            parent.flush();
        }
    }

    @Override
    public void onStarted(TrainingEvents.Started started) {
        send(new WorkerMessage.Started(started));
    }

    @Override
    public void onStep(TrainingEvents.StepLogged step) {
        send(new WorkerMessage.Step(step));
    }

    @Override
    public void onEvaluation(TrainingEvents.Evaluated evaluation) {
        send(new WorkerMessage.Evaluation(evaluation));
    }

    @Override
    public void onProgress(TrainingEvents.Progress progress) {
        send(new WorkerMessage.Progress(progress));
    }

    @Override
    public void onNotice(TrainingEvents.Notice notice) {
        send(new WorkerMessage.Notice(notice));
    }

    @Override
    public void onDiagnosis(Diagnosis diagnosis) {
        send(new WorkerMessage.Diagnosed(diagnosis));
    }
}
