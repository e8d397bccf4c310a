package dev.bertlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The run a command trains: its config file, and whether to continue from its checkpoint. */
final class RunFileOptions {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML or JSON run config")
    Path config;

    @Option(names = "--resume", description = "continue from the run's latest checkpoint")
    boolean resume;
}
