package dev.bertlab.cli;

import dev.bertlab.config.BertLabProperties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * A worker-only node of a cluster: the same application as the dashboard, without its pages and REST API, that
 * claims queued runs from the shared database and trains them in worker processes. Settings as for the dashboard
 * (environment variables or {@code --name=value}): the database, the shared data directory, the node's name and
 * slots, the port of its health and metrics.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Start a worker-only node: it trains queued runs from the database it shares with the "
                + "dashboard (set SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD and BERTLAB_DATA as for the dashboard; "
                + "BERTLAB_NODE_NAME, BERTLAB_CPU_SLOTS; health and metrics on PORT, 8081 by default).",
        footer = "Any --name=value is passed on as a setting, e.g. --bertlab.cpu-slots=2.")
public class WorkerNodeCommand implements Callable<Integer> {

    /** The dashboard's application class, handed down by its main method (the CLI sits below the application). */
    private final Class<?> application;

    @Unmatched
    String[] settings = new String[0];

    WorkerNodeCommand(Class<?> application) {
        this.application = application;
    }

    @Override
    public Integer call() throws InterruptedException {
        // a server logs what it does; the CLI's quiet level is for terminals
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        ConfigurableApplicationContext node = new SpringApplicationBuilder(application)
                .profiles(BertLabProperties.WORKER_PROFILE).run(settings);
        CountDownLatch closed = new CountDownLatch(1);
        node.addApplicationListener((ContextClosedEvent event) -> closed.countDown());
        if (node.isActive()) {
            closed.await();
        }
        return 0;
    }
}
