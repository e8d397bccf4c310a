package dev.bertlab.dataset.ui;

import static dev.bertlab.support.Acting.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.bertlab.e2e.BrowserTest;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An editor uploads awkward files on the datasets page in Debian's Chromium: a header with 20,000 columns is refused
 * at once and the page keeps answering; a wide but acceptable file shows only the first columns of its preview; an
 * upload left behind (the page closed, also while the file was still arriving, or a crash before this start) leaves
 * no temporary files.
 */
@Tag("spring")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatasetUploadBrowserTest extends BrowserTest {

    private static final Path DATA = DashboardTest.newDataDirectory("dataset-upload");
    /** What a previous process left behind when it crashed in the middle of an upload. */
    private static final Path STALE = staleUpload();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    @Autowired
    UserService users;

    @BeforeEach
    void editor() {
        if (users.all().stream().noneMatch(user -> user.getUsername().equals("editor"))) {
            asAdmin(() -> users.create("editor", "editor-password", Role.EDITOR));
        }
    }

    /** This node's upload folder (the node is named after the host, as by default). */
    private static Path uploadFolder() {
        return DATA.resolve("tmp").resolve("uploads")
                .resolve(dev.bertlab.config.BertLabProperties.hostName().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private static Path staleUpload() {
        try {
            Path directory = Files.createDirectories(uploadFolder()
                    .resolve("bertlab-upload-1234567890"));
            return Files.writeString(directory.resolve("left-by-a-crash.csv"), "text,label\na,x\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aHeaderOfTwentyThousandColumnsIsRefusedAtOnceAndThePageKeepsAnswering() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 20_000; column++) {
                csv.append(column == 0 ? "" : ",").append(row == 0 ? "column" + column : "v");
            }
            csv.append('\n');
        }
        Path wide = Files.writeString(Files.createTempDirectory("wide").resolve("wide.csv"), csv,
                StandardCharsets.UTF_8);
        logIn("editor", "editor-password");
        page.navigate(url("/datasets"));
        long start = System.nanoTime();
        page.locator("#upload-dataset input[type=file]").setInputFiles(wide);
        page.locator("#upload-errors").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(10_000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        screenshot("datasets-upload-too-many-columns");
        assertThat(page.locator("#upload-errors").textContent()).contains("wide.csv").contains("line 1")
                .contains("header").contains("Nothing was stored");
        assertThat(millis).as("milliseconds until the refusal showed").isLessThan(10_000);
        assertThat(page.locator("#upload-preview vaadin-grid-column").count()).isZero();

        // the page still answers: a small file right after is previewed
        Path small = Files.writeString(wide.resolveSibling("small.csv"), "text,label\na fine film,pos\n");
        page.locator("#upload-dataset input[type=file]").setInputFiles(small);
        page.locator("#import-mapping").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(10_000));
        assertThat(page.locator("#upload-errors").isVisible()).isFalse();
    }

    @Test
    void aWideFileShowsOnlyItsFirstColumnsAndSaysHowManyAreLeftOut() throws IOException {
        StringBuilder csv = new StringBuilder("text,label");
        for (int column = 0; column < 298; column++) {
            csv.append(",extra").append(column);
        }
        csv.append("\na fine film,pos").append(",0".repeat(298)).append('\n');
        Path wide = Files.writeString(Files.createTempDirectory("wide").resolve("three-hundred.csv"), csv,
                StandardCharsets.UTF_8);
        logIn("editor", "editor-password");
        page.navigate(url("/datasets"));
        page.locator("#upload-dataset input[type=file]").setInputFiles(wide);
        page.locator("#import-mapping").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        screenshot("datasets-upload-wide-preview");
        int shown = page.locator("#upload-preview vaadin-grid-column").count();
        assertThat(shown).isBetween(2, 50);
        assertThat(page.locator("#upload-preview-omitted").textContent()).contains((300 - shown) + " more columns");
    }

    @Test
    void anUploadLeftByACrashIsGoneAfterTheStart() {
        assertThat(STALE).doesNotExist();
        assertThat(STALE.getParent()).doesNotExist();
    }

    @Test
    void anUploadAbandonedByClosingThePageLeavesNoTemporaryFiles() throws IOException {
        String name = "abandoned-" + UUID.randomUUID() + ".csv";
        Path file = Files.writeString(Files.createTempDirectory("abandoned").resolve(name),
                "text,label\na fine film,pos\na dull film,neg\n");
        logIn("editor", "editor-password");
        page.navigate(url("/datasets"));
        page.locator("#upload-dataset input[type=file]").setInputFiles(file);
        page.locator("#import-mapping").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        assertThat(uploadsNamed(name)).as("the upload while the page is open").hasSize(1);

        page.close();
        TinyRuns.await("the abandoned upload to be removed", Duration.ofSeconds(20),
                () -> uploadsNamed(name).isEmpty());
    }

    @Test
    void anUploadLeftByNavigatingAwayLeavesNoTemporaryFiles() throws IOException {
        String name = "left-" + UUID.randomUUID() + ".csv";
        Path file = Files.writeString(Files.createTempDirectory("left").resolve(name),
                "text,label\na fine film,pos\na dull film,neg\n");
        logIn("editor", "editor-password");
        page.navigate(url("/datasets"));
        page.locator("#upload-dataset input[type=file]").setInputFiles(file);
        page.locator("#import-mapping").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        assertThat(uploadsNamed(name)).hasSize(1);

        page.navigate(url("/experiments"));
        page.locator("vaadin-app-layout").waitFor();
        TinyRuns.await("the abandoned upload to be removed", Duration.ofSeconds(20),
                () -> uploadsNamed(name).isEmpty());
    }

    @Test
    void anUploadCutOffByClosingThePageLeavesNoTemporaryFiles() throws IOException {
        String name = "cut-off-" + UUID.randomUUID() + ".csv";
        StringBuilder csv = new StringBuilder("text,label\n");
        while (csv.length() < 8_000_000) {
            csv.append("a review long enough to take a while to send,pos\n");
        }
        Path file = Files.writeString(Files.createTempDirectory("cut-off").resolve(name), csv);
        logIn("editor", "editor-password");
        page.navigate(url("/datasets"));
        // 1 MB/s up: the page closes while the file is still arriving
        context.newCDPSession(page).send("Network.emulateNetworkConditions", com.google.gson.JsonParser
                .parseString("{\"offline\": false, \"latency\": 0, \"downloadThroughput\": -1,"
                        + " \"uploadThroughput\": 1000000}").getAsJsonObject());
        page.locator("#upload-dataset input[type=file]").setInputFiles(file);
        TinyRuns.await("the upload to start arriving", Duration.ofSeconds(10), () -> !uploadsNamed(name).isEmpty());

        page.close();
        TinyRuns.await("the cut-off upload to be removed", Duration.ofSeconds(30),
                () -> uploadsNamed(name).isEmpty());
    }

    /** Uploaded files of this name wherever BertLab may keep them: its own tmp folder or the system's. */
    private static List<Path> uploadsNamed(String name) {
        return Stream.of(uploadFolder(), Path.of(System.getProperty("java.io.tmpdir")))
                .filter(Files::isDirectory)
                .flatMap(root -> {
                    try (Stream<Path> entries = Files.list(root)) {
                        return entries.filter(entry -> entry.getFileName().toString().startsWith("bertlab-upload-"))
                                .map(entry -> entry.resolve(name)).filter(Files::exists).toList().stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }
}
