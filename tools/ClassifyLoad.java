import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load test of BertLab's classify endpoint: for 1, 4 and 16 concurrent clients, each sending one review
 * per request back to back for a fixed time, it prints requests per second and the p50 / p99 latency.
 *
 * <pre>java tools/ClassifyLoad.java --token $BERTLAB_TOKEN [--url http://localhost:8080] [--seconds 15]
 *     [--clients 1,4,16] [--model demo]</pre>
 *
 * Only a dashboard on this machine is accepted as the target (localhost, 127.0.0.1 or ::1), and every level stops
 * after its time or 20,000 requests, whichever comes first.
 */
public final class ClassifyLoad {

    /** 73 tokens with [CLS] and [SEP] under the bert-base-uncased / MiniLM vocabulary. */
    static final String REVIEW = "I bought this for my daughter and she loves it. The screen is bright, the battery "
            + "lasts two days, and setting it up took five minutes. The case feels a little cheap and the speaker "
            + "is quiet, but for the price it is a great little tablet and I would buy it again without a second "
            + "thought, maybe as a gift for my nephew.";
    private static final int MAX_REQUESTS_PER_LEVEL = 20_000;

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String token = System.getenv("BERTLAB_TOKEN");
        String model = "demo";
        int seconds = 15;
        int[] levels = {1, 4, 16};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--token" -> token = args[++i];
                case "--model" -> model = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> levels = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> usage("unknown option " + args[i]);
            }
        }
        URI base = URI.create(url);
        if (!List.of("localhost", "127.0.0.1", "[::1]", "::1").contains(base.getHost())) {
            usage("only a dashboard on this machine may be loaded: the host must be localhost, got " + base.getHost());
        }
        if (token == null || token.isBlank()) {
            usage("an API token is needed (--token or BERTLAB_TOKEN): an admin issues one on the admin page");
        }
        if (seconds < 1 || seconds > 300 || Arrays.stream(levels).anyMatch(c -> c < 1 || c > 64)) {
            usage("--seconds must be 1..300 and each client count 1..64");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/classify"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"texts\":[\"" + REVIEW
                        + "\"]}")).build();
        HttpResponse<String> probe = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() != 200) {
            usage("the dashboard answered " + probe.statusCode() + ": " + probe.body());
        }
        String tokens = probe.body().replaceAll("(?s).*\"tokens\"\\s*:\\s*(\\d+).*", "$1");
        System.out.printf(Locale.ROOT, "classify %s, model %s, one review of %s tokens per request, %d s per level%n",
                base, model, tokens, seconds);
        System.out.println("| clients | requests | requests/s | p50 ms | p99 ms | errors |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int clients : levels) {
            level(http, request, clients, seconds);
        }
    }

    private static void level(HttpClient http, HttpRequest request, int clients, int seconds) throws Exception {
        // a short warm-up at this concurrency, not counted
        run(http, request, clients, System.nanoTime() + 2_000_000_000L);
        long start = System.nanoTime();
        Result result = run(http, request, clients, start + seconds * 1_000_000_000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] millis = result.millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %d |%n", clients, millis.length,
                millis.length / elapsed, percentile(millis, 0.50), percentile(millis, 0.99), result.errors.get());
    }

    private record Result(List<Double> millis, AtomicInteger errors) {
    }

    private static Result run(HttpClient http, HttpRequest request, int clients, long until) throws Exception {
        List<Double> millis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < until && sent.incrementAndGet() <= MAX_REQUESTS_PER_LEVEL) {
                    long begin = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            millis.add((System.nanoTime() - begin) / 1e6);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Result(millis, errors);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void usage(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
