package dev.bertlab.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Stamped(String name, Instant at) {
    }

    @Test
    void writesAndReadsInstantsAsJacksonsDefaultTimestamps() throws Exception {
        Stamped stamped = new Stamped("bench", Instant.parse("2024-05-01T12:00:00.250Z"));

        String json = Json.mapper().writeValueAsString(stamped);

        // what the mappers that registered JavaTimeModule by hand wrote: epoch seconds with nanoseconds
        assertThat(json).isEqualTo("{\"name\":\"bench\",\"at\":1714564800.250000000}");
        assertThat(Json.mapper().readValue(json, Stamped.class)).isEqualTo(stamped);
    }

    @Test
    void prettyWriterIndentsLikeAMapperWithIndentOutput() throws Exception {
        Map<String, Object> value = Map.of("step", 3, "metrics", Map.of("accuracy", 0.5));
        ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        assertThat(Json.prettyWriter().writeValueAsString(value)).isEqualTo(indenting.writeValueAsString(value))
                .contains("\n  \"");
    }

    @Test
    void theSharedMapperStaysCompact() throws Exception {
        assertThat(Json.mapper().writeValueAsString(Map.of("a", 1))).isEqualTo("{\"a\":1}");
    }

    @Test
    void yamlReadsJsonToo() throws Exception {
        assertThat(Json.yaml().readValue("{\"a\": 1}", Map.class)).isEqualTo(Map.of("a", 1));
    }
}
