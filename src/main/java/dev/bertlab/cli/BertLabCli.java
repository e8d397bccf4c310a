package dev.bertlab.cli;

import java.util.Set;

/** Entry point of the headless command line. */
public final class BertLabCli {

    private static final Set<String> COMMANDS = Set.of("train", "evaluate", "predict", "fill-mask", "bench",
            "models", "datasets", "help", "--help", "-h", "--version", "-V");

    private BertLabCli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        System.err.println("not implemented yet");
        return 2;
    }
}
