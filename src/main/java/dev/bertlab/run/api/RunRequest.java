package dev.bertlab.run.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** When a queued run may start; other keys land in {@code unknownKeys}, to be refused by name. */
@Schema(description = "When the run may start; an empty body or no \"at\": as soon as a slot is free")
public record RunRequest(@Schema(example = "2026-11-27T01:00:00Z") Instant at,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> unknownKeys) {
}
