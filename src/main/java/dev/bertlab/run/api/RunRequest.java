package dev.bertlab.run.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** When a queued run may start. */
@Schema(description = "When the run may start; an empty body or no \"at\": as soon as a slot is free")
public record RunRequest(@Schema(example = "2026-11-27T01:00:00Z") Instant at) {
}
