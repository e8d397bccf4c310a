package dev.bertlab.quickstart;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.bertlab.e2e.BrowserTest;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.ApiTokenService;
import dev.bertlab.support.DashboardTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fresh installation seeds its experiments and trains the quickstart run for real (here on a smaller IMDb slice);
 * once the run's success has been committed, its model is the demo: on the demo page, in the model list and for
 * {@code "model": "demo"}, as a new user sees it through the pages and the REST API.
 */
@Tag("spring")
@Tag("browser")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QuickstartTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("quickstart");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern A_LABEL = Pattern.compile("negative|positive");
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "DIVERGED");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TinyRuns.shareMiniLm(DATA);
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.quickstart", () -> "true");
        registry.add("bertlab.quickstart-examples", () -> "32,16,16");
    }

    @Autowired
    QuickstartService quickstart;

    @Autowired
    ExperimentService experiments;

    @Autowired
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFirstStartTrainsTheQuickstartWhoseModelThenServesTheDemoPageAndTheApi() throws Exception {
        List<Experiment> seeded = experiments.all();
        assertThat(seeded).extracting(Experiment::getName).contains(SeedExperiments.QUICKSTART_NAME,
                SeedExperiments.STORY_NAME, "IMDb sentiment: bert-base-uncased (GPU recipe)");
        Experiment gpuRecipe = seeded.stream().filter(e -> e.getBaseModel().equals("bert-base-uncased")).findFirst()
                .orElseThrow();
        assertThat(gpuRecipe.getHyperparameters().learningRate()).isEqualTo(2e-5);
        assertThat(gpuRecipe.getHyperparameters().batchSize()).isEqualTo(8);
        assertThat(gpuRecipe.getHyperparameters().epochs()).isEqualTo(3);
        assertThat(gpuRecipe.getHyperparameters().weightDecay()).isEqualTo(0.01);
        TrainingRun run = quickstart.quickstartRun().orElseThrow();

        // what a new user sees first: the quickstart on the home page
        logIn("admin", "admin-password");
        assertThat(page.locator("#quickstart-status")).containsText("MiniLM learning IMDb review sentiment on this "
                + "machine");
        screenshot("home-quickstart");

        // the run trains for real; its end is read the way a script reads it, once it is committed
        String token = asAdmin(() -> tokens.issue("quickstart-test", "admin")).secret();
        JsonNode followed = JSON.readTree(get("/api/v1/runs/" + run.getId(), token).body());
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (!FINISHED.contains(followed.path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            followed = JSON.readTree(get("/api/v1/runs/" + run.getId(), token).body());
        }
        assertThat(followed.path("status").asText()).as(followed.toString()).isEqualTo("SUCCEEDED");

        // the models list marks it as the demo (the promotion follows the success's commit within moments), and
        // "demo" classifies with it
        JsonNode listed = listedModel(run.getId(), token);
        long promoted = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!listed.path("demo").asBoolean() && System.nanoTime() < promoted) {
            Thread.sleep(200);
            listed = listedModel(run.getId(), token);
        }
        assertThat(listed.path("demo").asBoolean()).as(listed.toString()).isTrue();
        HttpResponse<String> classified = post("/api/v1/classify", """
                {"texts": ["A wonderful film, I loved every minute."], "model": "demo"}""", token);
        assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(classified.body());
        assertThat(answer.path("model").asText()).isEqualTo(Long.toString(run.getId()));
        assertThat(answer.path("results").get(0).path("label").asText()).matches(A_LABEL);

        // the home page says it is done, and the demo page classifies for a visitor who is not logged in
        page.navigate(url("/"));
        assertThat(page.locator("#quickstart-status")).containsText("done");
        try (BrowserContext stranger = newAnonymousContext()) {
            Page demo = stranger.newPage();
            demo.navigate(url("/demo"));
            assertThat(demo.locator("#demo-none")).hasCount(0);
            demo.locator("#demo-text textarea").fill("Two hours of my life I will never get back.");
            assertThat(demo.locator("#demo-label")).hasText(A_LABEL);
        }
    }

    private JsonNode listedModel(long runId, String token) throws Exception {
        JsonNode models = JSON.readTree(get("/api/v1/models", token).body());
        for (JsonNode model : models) {
            if (model.path("id").asText().equals(Long.toString(runId))) {
                return model;
            }
        }
        throw new AssertionError("run " + runId + " is not among the models: " + models);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
