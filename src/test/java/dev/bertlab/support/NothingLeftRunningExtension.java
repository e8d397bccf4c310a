package dev.bertlab.support;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;

/**
 * No test class may leave a Quartz scheduler, a training or a child process (a run's worker, a second
 * application) behind when it ends: a run still training in the background takes the cores the next class's runs
 * need, and a scheduler left running keeps firing jobs against a database nobody watches. Registered for every class (junit-platform.properties); it runs after
 * Spring has closed the class's context ({@code @DirtiesContext}), which stops live runs at their next step. The
 * scheduler of the application that {@link DashboardApplicationTest} classes share lives on by design
 * ({@link SharedDashboard#lastingThreads()}); their runs and child processes still count.
 */
public final class NothingLeftRunningExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace BEFORE = ExtensionContext.Namespace.create(
            NothingLeftRunningExtension.class);

    /** Live runs stop at their next step when the context closes; give a slow step time to end (seconds). */
    private static final Duration GRACE = Duration.ofSeconds(Long.getLong("bertlab.test.grace", 90));

    /** What ran before the class started is another class's leak, reported there: only what this class added counts. */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(BEFORE).put("schedulers", Set.copyOf(SchedulerRepository.getInstance().lookupAll()));
        context.getStore(BEFORE).put("threads", Set.copyOf(quartzThreads()));
        context.getStore(BEFORE).put("children", Set.copyOf(children()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Set<?> schedulersBefore = context.getStore(BEFORE).getOrDefault("schedulers", Set.class, Set.of());
        Set<?> threadsBefore = context.getStore(BEFORE).getOrDefault("threads", Set.class, Set.of());
        Set<?> childrenBefore = context.getStore(BEFORE).getOrDefault("children", Set.class, Set.of());
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (true) {
            Collection<Scheduler> schedulers = SchedulerRepository.getInstance().lookupAll().stream()
                    .filter(s -> !schedulersBefore.contains(s)).toList();
            List<Thread> workers = quartzThreads().stream().filter(t -> !threadsBefore.contains(t))
                    .filter(t -> !SharedDashboard.lastingThreads().contains(t)).toList();
            List<ProcessHandle> processes = children().stream().filter(p -> !childrenBefore.contains(p)).toList();
            if (schedulers.isEmpty() && workers.isEmpty() && processes.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(context.getRequiredTestClass().getSimpleName() + " left background work "
                        + "running " + GRACE.toSeconds() + " s after it ended (annotate Spring test classes with "
                        + "@DirtiesContext so that their context, scheduler and runs stop; a class in the shared "
                        + "@DashboardApplicationTest context must end or cancel its runs itself): schedulers "
                        + schedulers.stream().map(NothingLeftRunningExtension::name).toList() + ", threads "
                        + describe(workers) + ", child processes " + processes.stream()
                                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList());
            }
            Thread.sleep(200);
        }
    }

    static List<Thread> quartzThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().contains("QuartzScheduler") || t.getName().contains("quartzScheduler")
                        || t.getName().startsWith("quartz"))
                .toList();
    }

    private static List<ProcessHandle> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    private static String name(Scheduler scheduler) {
        try {
            return scheduler.getSchedulerName();
        } catch (org.quartz.SchedulerException e) {
            return scheduler.toString();
        }
    }

    private static String describe(List<Thread> threads) {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        return threads.stream().map(t -> {
            StackTraceElement[] stack = stacks.getOrDefault(t, new StackTraceElement[0]);
            return t.getName() + (stack.length > 0 ? " at " + stack[0] : "");
        }).collect(Collectors.joining("; "));
    }
}
