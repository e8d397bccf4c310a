package dev.bertlab.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: the same engine as the dashboard, for scripts and overnight runs. */
@Command(name = "bertlab", mixinStandardHelpOptions = true, version = "BertLab 0.1",
        description = "Fine-tune, evaluate and apply BERT text classifiers offline.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ExportCommand.class, Int8Command.class,
                CompareCommand.class,
                FillMaskCommand.class,
                BenchCommand.class, ModelsCommand.class, DatasetsCommand.class, WorkerNodeCommand.class,
                WorkerRunCommand.class,
                CommandLine.HelpCommand.class})
public final class BertLabCli {

    /** Exit code of a run that diverged (NaN or infinite loss). */
    static final int EXIT_DIVERGED = 3;
    /** Exit code of a run stopped by the user; its checkpoint is kept for --resume. */
    static final int EXIT_CANCELLED = 130;

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("--help", "-h", "--version", "-V");

    public static boolean handles(String[] args) {
        // the subcommands themselves say which words are commands: a new one cannot be forgotten here
        return args.length > 0 && (TOP_LEVEL_OPTIONS.contains(args[0])
                || commandLine().getSubcommands().containsKey(args[0]));
    }

    /**
     * Runs a command.
     *
     * @param application the dashboard's application class, which the worker-node command starts
     */
    public static int run(String[] args, Class<?> application) {
        quietLibraries();
        return commandLine(application).execute(args);
    }

    /** A terminal shows progress lines and results; the libraries' INFO chatter (DJL, Parquet) would bury them. */
    private static void quietLibraries() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback && !Boolean.getBoolean("bertlab.debug")) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ai.djl"))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    static CommandLine commandLine() {
        return commandLine(null);
    }

    static CommandLine commandLine(Class<?> application) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine commandLine = new CommandLine(new BertLabCli(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == WorkerNodeCommand.class ? (K) new WorkerNodeCommand(application) : defaults.create(type);
            }
        });
        // a user error gets its message, not a stack trace
        commandLine.setExecutionExceptionHandler((error, cl, parseResult) -> {
            Throwable shown = error instanceof java.io.UncheckedIOException u ? u.getCause() : error;
            cl.getErr().println("error: " + shown.getMessage());
            if (Boolean.getBoolean("bertlab.debug")) {
                shown.printStackTrace(cl.getErr());
            }
            return shown instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE
                    : CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }
}
