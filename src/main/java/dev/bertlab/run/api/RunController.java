package dev.bertlab.run.api;

import dev.bertlab.run.RunService;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import dev.bertlab.web.api.OpenApiDescription;
import dev.bertlab.web.api.UnknownKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs over HTTP: queue an experiment's run now or at a time (editors), follow it, cancel it. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Runs", description = "Queue runs through the scheduler and follow them")
@SecurityRequirement(name = OpenApiDescription.BEARER)
public class RunController {

    private final RunService runs;

    public RunController(RunService runs) {
        this.runs = runs;
    }

    @PostMapping(path = "/experiments/{id}/runs")
    @RolesAllowed(Role.Names.EDITOR)
    @Operation(summary = "Queue a run", description = "The run waits for a free device slot, or until \"at\". "
            + "Needs an EDITOR's token.")
    @ApiResponse(responseCode = "202", description = "Queued; Location names the run to follow")
    @ApiResponse(responseCode = "400", description = "The experiment is no longer valid, \"at\" is malformed or "
            + "more than a minute in the past, or the body has an unknown key")
    @ApiResponse(responseCode = "403", description = "The token's owner is not an editor")
    @ApiResponse(responseCode = "404", description = "No such experiment")
    public ResponseEntity<RunDescription> queue(@PathVariable long id,
            @RequestBody(required = false) RunRequest request, Principal user) {
        if (request != null && request.unknownKeys() != null && !request.unknownKeys().isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", request.unknownKeys().keySet()) + ": "
                    + UnknownKeys.problem(RunRequest.class));
        }
        TrainingRun run = request == null || request.at() == null ? runs.runNow(id, user.getName())
                : runs.runAt(id, request.at(), user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.getId()))
                .body(RunDescription.of(run));
    }

    @GetMapping("/experiments/{id}/runs")
    @RolesAllowed(Role.Names.VIEWER)
    @Operation(summary = "An experiment's runs", description = "Newest first.")
    public List<RunDescription> ofExperiment(@PathVariable long id) {
        return runs.forExperiment(id).stream().map(RunDescription::of).toList();
    }

    @GetMapping("/runs/{id}")
    @RolesAllowed(Role.Names.VIEWER)
    @Operation(summary = "Follow a run", description = "Its state, step, ETA and, once finished, its metrics.")
    @ApiResponse(responseCode = "404", description = "No such run")
    public RunDescription get(@PathVariable long id) {
        return RunDescription.of(runs.get(id));
    }

    @PostMapping("/runs/{id}/cancel")
    @RolesAllowed(Role.Names.EDITOR)
    @Operation(summary = "Cancel a run", description = "A queued run does not start; a running one stops at its "
            + "next step and keeps its checkpoint, so it can be resumed on the dashboard.")
    public RunDescription cancel(@PathVariable long id, Principal user) {
        runs.cancel(id, user.getName());
        return RunDescription.of(runs.get(id));
    }
}
