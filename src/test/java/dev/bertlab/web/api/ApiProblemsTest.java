package dev.bertlab.web.api;

import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.security.ApiTokenService;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever goes wrong under /api answers as application/problem+json with its status, never as a redirect to the
 * login page: a wrong method, an unknown path, a wrong media type, a failure inside, and a body over the limit,
 * announced by its Content-Length or streamed in chunks.
 */
@Tag("spring")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(ApiProblemsTest.FailingEndpoint.class)
class ApiProblemsTest {

    private static final Path DATA = DashboardTest.newDataDirectory("api-problems");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIVE_MEGABYTES = 5 * 1024 * 1024;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    /** A bug inside an endpoint, with a secret in its message that must not reach the client. */
    @RestController
    static class FailingEndpoint {
        @GetMapping("/api/v1/test-failure")
        String fail() {
            throw new IllegalStateException("jdbc:h2:file:/secret/place failed");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private String editor;
    private String viewer;

    @BeforeAll
    void tokens() {
        asAdmin(() -> users.create("script", "script-password", Role.EDITOR));
        asAdmin(() -> users.create("watcher", "watcher-password", Role.VIEWER));
        editor = asAdmin(() -> tokens.issue("nightly", "script")).secret();
        viewer = asAdmin(() -> tokens.issue("dashboard tv", "watcher")).secret();
    }

    @Test
    void aWrongMethodGets405NotARedirectToTheLogin() throws Exception {
        for (String method : new String[] {"DELETE", "PUT"}) {
            HttpResponse<String> response = send(request("/api/v1/experiments/1", editor)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertProblem(response, 405);
            assertThat(detail(response)).contains(method).contains("GET");
            assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                    assertThat(allow).contains("GET"));
        }
    }

    @Test
    void anUnknownPathGets404AndAWrongMediaType415() throws Exception {
        assertProblem(send(request("/api/v1/no-such-thing", viewer).GET()), 404);
        HttpResponse<String> text = send(request("/api/v1/experiments", editor).setHeader("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertProblem(text, 415);
        assertThat(detail(text)).contains("application/json");
    }

    @Test
    void aFailureInsideGets500WithoutItsMessage() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/test-failure", viewer).GET());
        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret");
    }

    /**
     * Over a plain socket, as curl does with a large body: announce 5 MB, ask "Expect: 100-continue" and wait. The
     * answer is 413 from the Content-Length alone, not "100 Continue", so the body is never sent. (JDK 17's
     * HttpClient hangs when a server answers "Expect: 100-continue" with a final status, so it cannot show this.)
     */
    @Test
    void aBodyOverTheLimitGets413FromItsContentLengthBeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/classify HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + viewer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + FIVE_MEGABYTES
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT),
                        line.substring(line.indexOf(':') + 1).trim());
            }
            assertThat(headers.get("content-type")).startsWith("application/problem+json");
            char[] body = new char[Integer.parseInt(headers.get("content-length"))];
            for (int read = 0, n = 0; read < body.length && n >= 0; read += n) {
                n = in.read(body, read, body.length - read);
            }
            JsonNode problem = JSON.readTree(new String(body));
            assertThat(problem.get("status").asInt()).isEqualTo(413);
            assertThat(problem.get("detail").asText()).contains("4 MB").contains("bertlab.api.max-body-size");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitGets413WhileItStreams() throws Exception {
        byte[] body = classifyBody(FIVE_MEGABYTES);
        HttpResponse<String> response = send(request("/api/v1/classify", viewer)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(body, 0, body.length / 2),
                        new ByteArrayInputStream(body, body.length / 2, body.length - body.length / 2)))));
        assertProblem(response, 413);
        assertThat(detail(response)).contains("4 MB");
    }

    /** {"texts": ["aaaa..."]} of about {@code size} bytes. */
    private static byte[] classifyBody(int size) {
        byte[] text = new byte[size];
        Arrays.fill(text, (byte) 'a');
        return ("{\"texts\": [\"" + new String(text, StandardCharsets.US_ASCII) + "\"]}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(HttpResponse<String> response) throws Exception {
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        return problem.path("detail").asText();
    }
}
