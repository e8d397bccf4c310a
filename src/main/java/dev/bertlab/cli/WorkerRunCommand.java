package dev.bertlab.cli;

import dev.bertlab.engine.run.FineTuneRun;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.worker.WorkerRun;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A run in a worker process of its own, started by the dashboard (not by people: hidden from the help). Reports to
 * the parent on standard output, takes its requests on standard input.
 */
@Command(name = "worker-run", hidden = true,
        description = "Train one run for a parent process, reporting on standard output.")
final class WorkerRunCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    RunFileOptions run;

    @Option(names = "--parent", paramLabel = "PID", description = "the parent process: the worker stops when it goes")
    long parent;

    @Override
    public Integer call() throws Exception {
        // standard output carries the messages for the parent alone; everything else printed goes to standard error
        PrintStream toParent = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        RunConfig runConfig = RunConfig.read(run.config);
        return new WorkerRun(new FineTuneRun(data.datasets(), data.models(), data.runs()))
                .run(runConfig, run.resume, System.in, toParent, parent);
    }
}
