package dev.bertlab.experiment.api;

import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bertlab.experiment.ExperimentRepository;
import dev.bertlab.security.ApiTokenService;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardApplicationTest;
import dev.bertlab.support.SharedDashboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Experiments and runs over real HTTP with real tokens, H2 and Quartz: an editor's script defines an experiment and
 * queues its run for tonight; invalid settings come back named by field; a viewer's token may look but not create.
 */
@DashboardApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentAndRunApiTest {

    private static final Path DATA = SharedDashboard.data();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {"name": "nightly imdb", "dataset": "amazon", "baseModel": "all-MiniLM-L6-v2", "subsetTrain": 64,
             "tags": "nightly", "hyperparameters": {"learning_rate": 3e-5, "epochs": 2, "scheduler": "COSINE"}}
            """;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ExperimentRepository experiments;

    private final HttpClient http = HttpClient.newHttpClient();
    private String editor;
    private String viewer;

    @BeforeAll
    void tokens() {
        // names of their own: other classes share the application and its users
        asAdmin(() -> users.create("api-script", "script-password", Role.EDITOR));
        asAdmin(() -> users.create("api-watcher", "watcher-password", Role.VIEWER));
        editor = asAdmin(() -> tokens.issue("nightly", "api-script")).secret();
        viewer = asAdmin(() -> tokens.issue("dashboard tv", "api-watcher")).secret();
    }

    @Test
    void anEditorsScriptDefinesAnExperimentAndQueuesItsRunForTonight() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/experiments", VALID, editor);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode experiment = JSON.readTree(created.body());
        long id = experiment.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/experiments/" + id);
        assertThat(experiment.at("/hyperparameters/learning_rate").asText()).isEqualTo("3e-5");
        assertThat(experiment.at("/hyperparameters/scheduler").asText()).isEqualTo("COSINE");
        assertThat(experiment.at("/hyperparameters/batch_size").asText()).as("a default").isEqualTo("16");
        assertThat(experiment.get("createdBy").asText()).isEqualTo("api-script");

        JsonNode read = JSON.readTree(send("GET", "/api/v1/experiments/" + id, null, viewer).body());
        assertThat(read.get("name").asText()).isEqualTo("nightly imdb");

        Instant tonight = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> queued = send("POST", "/api/v1/experiments/" + id + "/runs",
                "{\"at\": \"" + tonight + "\"}", editor);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        JsonNode run = JSON.readTree(queued.body());
        long runId = run.get("id").asLong();
        assertThat(run.get("status").asText()).isEqualTo("QUEUED");
        assertThat(Instant.parse(run.get("scheduledFor").asText())).isEqualTo(tonight);

        JsonNode followed = JSON.readTree(send("GET", "/api/v1/runs/" + runId, null, viewer).body());
        assertThat(followed.get("experimentId").asLong()).isEqualTo(id);
        assertThat(send("POST", "/api/v1/runs/" + runId + "/cancel", null, viewer).statusCode()).isEqualTo(403);
        JsonNode cancelled = JSON.readTree(send("POST", "/api/v1/runs/" + runId + "/cancel", null, editor).body());
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        HttpResponse<String> again = send("POST", "/api/v1/runs/" + runId + "/cancel", null, editor);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(detail(again)).contains("has already ended");
    }

    @Test
    void invalidSettingsComeBackNamedByFieldAndNothingIsStored() throws Exception {
        long before = experiments.count();
        HttpResponse<String> response = send("POST", "/api/v1/experiments", """
                {"name": "", "dataset": "no-such-data", "baseModel": "all-MiniLM-L6-v2",
                 "hyperparameters": {"learning_rate": "fast", "colour": 3}}
                """, editor);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problems = JSON.readTree(response.body()).get("problems");
        assertThat(problems.get("name").asText()).isEqualTo("give the experiment a name");
        assertThat(problems.get("dataset").asText()).isEqualTo("choose a dataset of the catalog");
        assertThat(problems.get("hyperparameters.colour").asText()).startsWith("no such hyperparameter");
        assertThat(experiments.count()).isEqualTo(before);

        HttpResponse<String> badRate = send("POST", "/api/v1/experiments",
                VALID.replace("3e-5", "\"fast\""), editor);
        assertThat(JSON.readTree(badRate.body()).at("/problems/hyperparameters.learning_rate").asText())
                .contains("'fast' is not a number");

        HttpResponse<String> malformed = send("POST", "/api/v1/experiments", "{\"name\": ", editor);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(detail(malformed)).startsWith("the body is not valid JSON");
        assertThat(experiments.count()).isEqualTo(before);
    }

    @Test
    void aViewerMayLookButNotCreateAndAStrangerNeither() throws Exception {
        long before = experiments.count();
        HttpResponse<String> refused = send("POST", "/api/v1/experiments", VALID, viewer);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(detail(refused)).contains("lacks the role");
        assertThat(experiments.count()).isEqualTo(before);
        assertThat(send("GET", "/api/v1/experiments", null, viewer).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/experiments", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/experiments/999999/runs", null, editor).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/runs/999999", null, viewer).statusCode()).isEqualTo(404);
    }

    @Test
    void aBaseModelIsARegisteredNameOrADirectoryInTheModelsOrRunsFolderAndNothingElse() throws Exception {
        Path inModels = modelDirectory(DATA.resolve("models").resolve("api-my-bert"));
        Path ofARun = modelDirectory(DATA.resolve("runs").resolve("api-run-77").resolve("model"));
        Path outside = modelDirectory(DATA.resolveSibling("experiment-api-outside").resolve("bert"));
        for (String allowed : List.of("api-my-bert", inModels.toString(), ofARun.toString())) {
            HttpResponse<String> created = send("POST", "/api/v1/experiments", withBaseModel(allowed), editor);
            assertThat(created.statusCode()).as(allowed + ": " + created.body()).isEqualTo(201);
        }

        long before = experiments.count();
        List<String> refused = List.of(outside.toString(), "../../experiment-api-outside/bert",
                "api-my-bert/../../../experiment-api-outside/bert", "/etc", "../../../../..", "/no/such/directory",
                DATA.toString());
        String message = null;
        for (String path : refused) {
            HttpResponse<String> response = send("POST", "/api/v1/experiments", withBaseModel(path), editor);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
            String problem = JSON.readTree(response.body()).at("/problems/baseModel").asText();
            assertThat(problem).as(path).isNotBlank();
            if (message == null) {
                message = problem;
            }
            assertThat(problem).as("the same words whether " + path + " exists or not").isEqualTo(message);
            assertThat(response.body()).doesNotContain("the-secret-inside");
        }
        assertThat(experiments.count()).isEqualTo(before);
    }

    @Test
    void everyFieldIsCheckedAgainstItsColumnSoTheDatabaseNeverRefusesWhatValidationPassed() throws Exception {
        long before = experiments.count();
        HttpResponse<String> device = send("POST", "/api/v1/experiments",
                VALID.replace("\"tags\"", "\"device\": \"cuda:12345678901234567\", \"tags\""), editor);
        assertThat(device.statusCode()).as(device.body()).isEqualTo(400);
        assertThat(device.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(device.body()).at("/problems/device").asText()).contains("16 characters");

        HttpResponse<String> tags = send("POST", "/api/v1/experiments",
                VALID.replace("\"nightly\",", "\"" + "t".repeat(501) + "\","), editor);
        assertThat(tags.statusCode()).as(tags.body()).isEqualTo(400);
        assertThat(JSON.readTree(tags.body()).at("/problems/tags").asText()).contains("500 characters");

        HttpResponse<String> all = send("POST", "/api/v1/experiments", """
                {"name": "%s", "dataset": "amazon", "baseModel": "%s", "device": "cuda:00000000000000000001",
                 "tags": "%s"}
                """.formatted("n".repeat(101), "m".repeat(301), "t".repeat(501)), editor);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(400);
        JsonNode problems = JSON.readTree(all.body()).get("problems");
        assertThat(problems.get("name").asText()).contains("100 characters");
        assertThat(problems.get("baseModel").asText()).contains("300 characters");
        assertThat(problems.get("device").asText()).contains("16 characters");
        assertThat(problems.get("tags").asText()).contains("500 characters");
        assertThat(experiments.count()).isEqualTo(before);
    }

    @Test
    void unknownKeysAreRefusedAndNamedAtTheTopAndAmongTheHyperparameters() throws Exception {
        long before = experiments.count();
        HttpResponse<String> response = send("POST", "/api/v1/experiments", VALID.replace("\"tags\"",
                "\"colour\": \"red\", \"subset_train\": 5, \"tags\"").replace("\"epochs\"",
                "\"learningrate\": 1, \"epochs\""), editor);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problems = JSON.readTree(response.body()).get("problems");
        assertThat(problems.get("colour").asText()).startsWith("unknown key");
        assertThat(problems.get("subset_train").asText()).startsWith("unknown key").contains("subsetTrain");
        assertThat(problems.get("hyperparameters.learningrate").asText()).startsWith("no such hyperparameter");
        assertThat(experiments.count()).isEqualTo(before);

        long id = JSON.readTree(send("POST", "/api/v1/experiments", VALID, editor).body()).get("id").asLong();
        HttpResponse<String> run = send("POST", "/api/v1/experiments/" + id + "/runs",
                "{\"when\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}", editor);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(400);
        assertThat(detail(run)).contains("unknown key").contains("when");
        assertThat(send("GET", "/api/v1/experiments/" + id + "/runs", null, viewer).body()).isEqualTo("[]");
    }

    @Test
    void listsAndWholeNumbersArriveAsTheScriptSentThem() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/experiments", VALID.replace("\"epochs\": 2",
                "\"epochs\": 2, \"class_weights\": [1, 3.5], \"max_grad_norm\": 2, \"seed\": 7, "
                        + "\"greater_is_better\": null"), editor);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode experiment = JSON.readTree(created.body());
        assertThat(experiment.at("/hyperparameters/class_weights").asText()).isEqualTo("1, 3.5");
        assertThat(experiment.at("/hyperparameters/max_grad_norm").asText()).isEqualTo("2");
        assertThat(experiment.at("/hyperparameters/seed").asText()).isEqualTo("7");
        assertThat(experiment.at("/hyperparameters/greater_is_better").asText()).isEqualTo("auto");
        assertThat(experiments.findById(experiment.get("id").asLong()).orElseThrow().getHyperparameters()
                .classWeights()).containsExactly(1.0, 3.5);
    }

    @Test
    void theApiDescriptionListsEveryKnobWithItsTypeDefaultRangeAndHelp() throws Exception {
        JsonNode description = JSON.readTree(send("GET", "/api/v1/openapi", null, viewer).body());
        JsonNode knobs = description.at("/components/schemas/Hyperparameters/properties");
        assertThat(knobs.size()).isEqualTo(dev.bertlab.engine.train.Knobs.all().size());
        JsonNode learningRate = knobs.get("learning_rate");
        assertThat(learningRate.get("type").asText()).isEqualTo("number");
        assertThat(learningRate.get("default").asDouble()).isEqualTo(2e-5);
        assertThat(learningRate.get("maximum").asDouble()).isEqualTo(1.0);
        assertThat(description.get("openapi").asText()).startsWith("3.1");
        assertThat(learningRate.get("exclusiveMinimum").asDouble()).as("above 0").isZero();
        assertThat(learningRate.has("minimum")).isFalse();
        assertThat(knobs.at("/weight_decay/minimum").asDouble()).isZero();
        assertThat(knobs.at("/weight_decay/exclusiveMaximum").asDouble()).isEqualTo(1.0);
        assertThat(learningRate.get("description").asText()).startsWith("Peak learning rate of AdamW");
        assertThat(knobs.at("/scheduler/enum")).extracting(JsonNode::asText)
                .containsExactly("CONSTANT", "LINEAR", "COSINE");
        assertThat(knobs.at("/batch_size/type").asText()).isEqualTo("integer");
        assertThat(knobs.at("/class_weights/type").asText()).isEqualTo("array");
        assertThat(description.at("/components/schemas/ExperimentRequest/properties/hyperparameters/$ref").asText())
                .isEqualTo("#/components/schemas/Hyperparameters");
    }

    @Test
    void aRunForATimeInThePastIsRefusedWithTheReasonAndNothingQueued() throws Exception {
        long id = JSON.readTree(send("POST", "/api/v1/experiments", VALID, editor).body()).get("id").asLong();
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> past = send("POST", "/api/v1/experiments/" + id + "/runs",
                "{\"at\": \"" + anHourAgo + "\"}", editor);
        assertThat(past.statusCode()).as(past.body()).isEqualTo(400);
        assertThat(past.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(detail(past)).startsWith("at is in the past: " + anHourAgo + " (now ");
        assertThat(send("GET", "/api/v1/experiments/" + id + "/runs", null, viewer).body()).isEqualTo("[]");
    }

    private static String withBaseModel(String baseModel) throws Exception {
        ObjectNode body = (ObjectNode)
                JSON.readTree(VALID);
        body.put("baseModel", baseModel);
        return JSON.writeValueAsString(body);
    }

    private static Path modelDirectory(Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("config.json"), "{\"the-secret-inside\": [}");
        return directory;
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("detail").asText();
    }
}
