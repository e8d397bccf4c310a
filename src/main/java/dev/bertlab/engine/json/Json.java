package dev.bertlab.engine.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured Jackson mapper of the engine (which has no Spring, so no auto-configured one), built once.
 *
 * <p>It is Jackson's default configuration plus {@link JavaTimeModule}, so records holding an {@code Instant}
 * (a measurement's or a check's time) are written as Jackson writes them by default: epoch seconds with a fraction.
 * A mapper is thread-safe once configured; never reconfigure the shared one. Where a use needs a setting of its
 * own, derive an immutable {@link com.fasterxml.jackson.databind.ObjectReader} or {@link ObjectWriter} from it
 * ({@code mapper().reader().with(...)}), and only where a reader or writer cannot carry the setting (a naming
 * strategy, a mix-in) take a {@link ObjectMapper#copy() copy}.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper YAML = new YAMLMapper();

    private Json() {
    }

    /**
     * The shared JSON mapper: for reading, for trees ({@code createObjectNode}, {@code valueToTree}) and for
     * compact JSON (JSON lines, protocol lines, database columns).
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes indented JSON, for the files people read (summaries, checkpoint state, reports). */
    public static ObjectWriter prettyWriter() {
        return PRETTY;
    }

    /** The shared YAML mapper (run configs); YAML is a superset of JSON, so it reads JSON configs too. */
    public static ObjectMapper yaml() {
        return YAML;
    }
}
