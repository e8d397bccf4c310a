package dev.bertlab.classify;

import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.onnx.Int8Report;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.security.ApiTokenService;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The classify feature against a real fine-tuned model: the REST API over real HTTP with a VIEWER's token, the
 * demo setting, the model cache and CSV batch scoring (one class, so one application context and one model load).
 * The limits are tight (one classification at a time, one waiting, two models cached) so that the burst and
 * eviction behaviour shows.
 */
@Tag("spring")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassifyFeatureTest {

    private static final Path DATA = DashboardTest.newDataDirectory("classify-api");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.classify.concurrent", () -> "1");
        registry.add("bertlab.classify.waiting", () -> "1");
        registry.add("bertlab.classify.max-wait", () -> "300ms");
        registry.add("bertlab.classify.cached-models", () -> "2");
    }

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    TrainingRunRepository runs;

    @Autowired
    DemoModelService demoModels;

    @Autowired
    ClassifierCache cache;

    @Autowired
    CsvScoringService scoring;

    @Autowired
    dev.bertlab.run.Int8Measurements int8;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private long runId;

    @BeforeAll
    void aViewerWithATokenAndAFinishedRun() {
        asAdmin(() -> users.create("viewer", "viewer-password", Role.VIEWER));
        token = asAdmin(() -> tokens.issue("tests", "viewer")).secret();
        runId = insertFinishedRun(TinySentimentModel.runDirectory(), "amazon-tiny");
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        assertThat(post("{\"texts\": [\"good\"]}", null).statusCode()).isEqualTo(401);
        assertThat(post("{\"texts\": [\"good\"]}", "blt_wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/models", null).statusCode()).isEqualTo(401);
    }

    @Test
    void badRequestsGet400WithTheReason() throws Exception {
        HttpResponse<String> malformed = post("{\"texts\": [\"good\",", token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(detail(malformed)).contains("not valid JSON").contains("line 1");

        assertThat(detail(post("{\"texts\": \"just one\"}", token))).contains("'texts' has the wrong type");
        HttpResponse<String> missing = post("{\"model\": \"" + runId + "\"}", token);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(detail(missing)).contains("texts is required");
        HttpResponse<String> empty = post("{\"texts\": [\"   \"], \"model\": \"" + runId + "\"}", token);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(detail(empty)).contains("empty");
        assertThat(detail(post("{\"texts\": [], \"model\": \"" + runId + "\"}", token))).contains("at least one");
        String tooMany = JSON.writeValueAsString(Map.of("texts", IntStream.range(0, 65).mapToObj(i -> "fine").toList()));
        assertThat(detail(post(tooMany, token))).contains("at most 64");
    }

    @Test
    void anUnknownModelGets404() throws Exception {
        HttpResponse<String> missingRun = post("{\"texts\": [\"good\"], \"model\": \"987654\"}", token);
        assertThat(missingRun.statusCode()).isEqualTo(404);
        assertThat(detail(missingRun)).contains("run 987654");
        assertThat(post("{\"texts\": [\"good\"], \"model\": \"gpt-9\"}", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aRunsModelLabelsTextsWithProbabilitiesSummingToOne() throws Exception {
        HttpResponse<String> response = post(JSON.writeValueAsString(Map.of("model", Long.toString(runId), "texts",
                List.of("Great product, works perfectly and the battery lasts for days.",
                        "Broke after two days. Complete waste of money."))), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("model").asText()).isEqualTo(Long.toString(runId));
        assertThat(body.get("labels")).extracting(JsonNode::asText).containsExactly("negative", "positive");
        assertThat(body.get("millis").asDouble()).isPositive();
        assertThat(body.get("results")).hasSize(2);
        for (JsonNode result : body.get("results")) {
            double sum = result.get("probabilities").get("negative").asDouble()
                    + result.get("probabilities").get("positive").asDouble();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(result.get("label").asText()).isIn("negative", "positive");
            assertThat(result.get("truncated").asBoolean()).isFalse();
            assertThat(result.has("notice")).isFalse();
        }

        HttpResponse<String> models = get("/api/v1/models", token);
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(models.body())).extracting(node -> node.get("id").asText())
                .contains(Long.toString(runId));
    }

    @Test
    void aOneMegabyteTextIsTruncatedWithANotice() throws Exception {
        String megabyte = "This blender is great. ".repeat(1_048_576 / 23 + 1).substring(0, 1_048_576);
        HttpResponse<String> response = post(JSON.writeValueAsString(Map.of("model", Long.toString(runId), "texts",
                List.of(megabyte))), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body()).get("results").get(0);
        assertThat(result.get("truncated").asBoolean()).isTrue();
        assertThat(result.get("tokens").asInt()).isEqualTo(64);
        assertThat(result.get("notice").asText()).contains("1,048,576 characters");
    }

    @Test
    void theDemoModelIsTheOneAnAdminPromoted() throws Exception {
        long demoRun = insertFinishedRun(TinySentimentModel.copy("amazon-tiny-demo"), "demo-candidate");
        asAdmin(() -> demoModels.clearDemo());
        HttpResponse<String> none = post("{\"texts\": [\"good\"], \"model\": \"demo\"}", token);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(detail(none)).contains("no demo model");

        assertThatThrownBy(() -> asAdmin(() -> demoModels.promoteDemo(424242)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(demoModels.promoteDemoIfNoneSet(demoRun)).isTrue();
        assertThat(demoModels.promoteDemoIfNoneSet(runId)).as("the first promoted stays").isFalse();

        HttpResponse<String> demo = post("{\"texts\": [\"Lovely little gadget.\"], \"model\": \"demo\"}", token);
        assertThat(demo.statusCode()).as(demo.body()).isEqualTo(200);
        assertThat(JSON.readTree(demo.body()).get("model").asText()).isEqualTo(Long.toString(demoRun));
        HttpResponse<String> omitted = post("{\"texts\": [\"Lovely little gadget.\"]}", token);
        assertThat(JSON.readTree(omitted.body()).get("model").asText()).isEqualTo(Long.toString(demoRun));

        asAdmin(() -> demoModels.promoteDemo(runId));
        assertThat(JSON.readTree(post("{\"texts\": [\"ok\"]}", token).body()).get("model").asText())
                .isEqualTo(Long.toString(runId));
        JsonNode models = JSON.readTree(get("/api/v1/models", token).body());
        for (JsonNode model : models) {
            assertThat(model.get("demo").asBoolean()).isEqualTo(model.get("id").asText().equals(Long.toString(runId)));
        }
    }

    @Test
    void aBurstBeyondCapacityGetsSome429sAndNoOtherFailures() throws Exception {
        List<String> texts = IntStream.range(0, 64).mapToObj(i -> "Review number " + i + ": the sound is clear, "
                + "the case feels cheap, and the battery barely lasts a day, which is disappointing overall.").toList();
        String body = JSON.writeValueAsString(Map.of("model", Long.toString(runId), "texts", texts));
        assertThat(post(body, token).statusCode()).as("warm-up").isEqualTo(200);

        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            burst.add(http.sendAsync(request("/api/v1/classify", token).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> codes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : burst) {
            HttpResponse<String> done = response.get();
            codes.add(done.statusCode());
            if (done.statusCode() == 429) {
                assertThat(done.headers().firstValue("Retry-After")).get().asString().matches("\\d+");
            }
        }
        assertThat(codes).containsOnly(200, 429).contains(200, 429);
    }

    @Test
    void anAdminServesTheDemoInInt8OnceItsAccuracyOnTheRunsTestSplitWasMeasured() throws Exception {
        long id = insertFinishedRun(TinySentimentModel.copyRun("amazon-tiny-int8"), "int8-candidate");
        asAdmin(() -> demoModels.promoteDemo(id));
        assertThatThrownBy(() -> asAdmin(() -> demoModels.serveDemoInInt8(true))).hasMessageContaining("not offered");

        Int8Report report = int8.measure(runs.findById(id).orElseThrow()).get(120, TimeUnit.SECONDS);
        assertThat(report.examples()).as("the run's 16 test sentences").isEqualTo(16);
        assertThat(report.agreement()).as("int8 and float give the same labels").isGreaterThanOrEqualTo(0.9);
        assertThat(report.int8Bytes()).isLessThan(report.fp32Bytes() / 3);
        assertThat(report.offered()).as(report.summary()).isTrue();
        assertThat(int8.report(runs.findById(id).orElseThrow())).contains(report);

        asAdmin(() -> demoModels.serveDemoInInt8(true));
        HttpResponse<String> demo = post("{\"texts\": [\"Lovely little gadget.\"], \"model\": \"demo\"}", token);
        assertThat(demo.statusCode()).as(demo.body()).isEqualTo(200);
        assertThat(JSON.readTree(demo.body()).get("modelName").asText()).endsWith(", int8)");
        assertThat(cache.loaded()).anyMatch(key -> key.contains("amazon-tiny-int8") && key.endsWith("#int8"));

        asAdmin(() -> demoModels.promoteDemo(runId));
        assertThat(demoModels.demoModel().orElseThrow().int8()).as("a new demo model starts in float").isFalse();
    }

    @Test
    void theCacheKeepsAtMostItsBoundOfModels() throws Exception {
        long before = cache.evictions();
        List<Long> ids = List.of(insertFinishedRun(TinySentimentModel.copy("amazon-tiny-a"), "cache-a"),
                insertFinishedRun(TinySentimentModel.copy("amazon-tiny-b"), "cache-b"),
                insertFinishedRun(TinySentimentModel.copy("amazon-tiny-c"), "cache-c"));
        for (long id : ids) {
            HttpResponse<String> response = post("{\"texts\": [\"Works as described.\"], \"model\": \"" + id + "\"}",
                    token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(cache.capacity()).isEqualTo(2);
        assertThat(cache.loaded()).hasSize(2);
        assertThat(cache.evictions() - before).isGreaterThanOrEqualTo(1);
        Iterator<String> loaded = cache.loaded().iterator();
        assertThat(loaded.next()).contains("amazon-tiny-b");
        assertThat(loaded.next()).contains("amazon-tiny-c");
    }

    @Test
    void theOpenApiDescriptionDocumentsClassifyAndTheBearerScheme() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(response.body());
        JsonNode classify = api.at("/paths/~1api~1v1~1classify/post");
        assertThat(classify.get("summary").asText()).isEqualTo("Classify texts");
        assertThat(classify.get("responses").fieldNames()).toIterable().contains("200", "400", "401", "404", "429");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/components/schemas/ClassifyRequest/properties/texts").isMissingNode()).isFalse();
    }

    @Test
    void aCsvFileIsScoredRowByRowWithEmptyTextsNoted() throws Exception {
        Path csv = DATA.resolve("reviews.csv");
        java.nio.file.Files.writeString(csv, "\uFEFFid,review,stars\n"
                + "1,\"Great value, \"\"works\"\" perfectly.\",5\n"
                + "2,,3\n"
                + "3,Terrible. It broke on day one.,1\n");
        CsvScoringService.CsvPreview preview = scoring.inspect(csv, "reviews.csv");
        assertThat(preview.columns()).containsExactly("id", "review", "stars");
        assertThat(preview.rows()).isEqualTo(3);
        assertThat(preview.suggestedColumn()).isEqualTo("review");

        List<Integer> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        CsvScoringService.ScoringJob job = scoring.start(csv, "reviews.csv", "review", Long.toString(runId),
                (done, total) -> progress.add(done));
        Path scored = job.result().get(60, java.util.concurrent.TimeUnit.SECONDS);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).get()
                .parse(java.nio.file.Files.newBufferedReader(scored)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("id", "review", "stars", "label", "note",
                "probability_negative", "probability_positive");
        assertThat(rows.get(0).get("review")).isEqualTo("Great value, \"works\" perfectly.");
        assertThat(rows.get(0).get("label")).isIn("negative", "positive");
        assertThat(Double.parseDouble(rows.get(0).get("probability_negative"))
                + Double.parseDouble(rows.get(0).get("probability_positive"))).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(rows.get(1).get("label")).isEmpty();
        assertThat(rows.get(1).get("note")).contains("empty");
        assertThat(rows.get(2).get("id")).isEqualTo("3");
        assertThat(progress).endsWith(3);
    }

    @Test
    void unusableCsvFilesAreRefusedWithTheReason() throws Exception {
        Path broken = DATA.resolve("broken.csv");
        java.nio.file.Files.writeString(broken, "text,label\n\"never closed,1\n");
        assertThatThrownBy(() -> scoring.inspect(broken, "broken.csv")).isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("not valid CSV");
        Path latin1 = DATA.resolve("latin1.csv");
        java.nio.file.Files.write(latin1, "text\nd\u00e9j\u00e0 vu\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> scoring.inspect(latin1, "latin1.csv")).hasMessageContaining("not UTF-8");
        Path headerOnly = DATA.resolve("header.csv");
        java.nio.file.Files.writeString(headerOnly, "text\n");
        assertThatThrownBy(() -> scoring.inspect(headerOnly, "header.csv")).hasMessageContaining("no rows");
        assertThatThrownBy(() -> scoring.inspect(headerOnly, "sheet.xlsx")).hasMessageContaining("not a CSV");
        assertThatThrownBy(() -> scoring.start(headerOnly, "header.csv", "nope", "demo", (d, t) -> { }))
                .isInstanceOf(InvalidCsvException.class);
    }

    private long insertFinishedRun(RunDirectory directory, String name) {
        return FinishedRuns.insert(experiments, runs, directory, name);
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private HttpResponse<String> post(String body, String bearer) throws Exception {
        return http.send(request("/api/v1/classify", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(request(path, bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("detail").asText();
    }
}
