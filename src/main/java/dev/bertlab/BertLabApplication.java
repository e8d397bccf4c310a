package dev.bertlab;

import dev.bertlab.cli.BertLabCli;
import dev.bertlab.engine.EngineSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two faces: with a CLI command as first argument it runs the engine headless (no Spring),
 * otherwise it starts the dashboard.
 */
@SpringBootApplication
public class BertLabApplication {

    public static void main(String[] args) {
        EngineSettings.applyProcessDefaults();
        if (BertLabCli.handles(args)) {
            System.exit(BertLabCli.run(args, BertLabApplication.class));
        }
        SpringApplication.run(BertLabApplication.class, args);
    }
}
