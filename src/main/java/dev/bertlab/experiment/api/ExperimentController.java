package dev.bertlab.experiment.api;

import dev.bertlab.security.Role;
import dev.bertlab.web.api.OpenApiDescription;
import dev.bertlab.web.api.UnknownKeys;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.InvalidHyperparametersException;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentNotFoundException;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.InvalidExperimentException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Experiments over HTTP, for scripts and nightly jobs: list, read, create (editors). */
@RestController
@RequestMapping(path = "/api/v1/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Experiments", description = "Define experiments; queue their runs under Runs")
@SecurityRequirement(name = OpenApiDescription.BEARER)
public class ExperimentController {

    private final ExperimentService experiments;

    public ExperimentController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @GetMapping
    @RolesAllowed(Role.Names.VIEWER)
    @Operation(summary = "List the experiments", description = "Newest first.")
    public List<ExperimentDescription> list() {
        return experiments.all().stream().map(ExperimentDescription::of).toList();
    }

    @GetMapping("/{id}")
    @RolesAllowed(Role.Names.VIEWER)
    @Operation(summary = "Read one experiment")
    @ApiResponse(responseCode = "404", description = "No such experiment")
    public ExperimentDescription get(@PathVariable long id) {
        return ExperimentDescription.of(experiments.find(id).orElseThrow(() -> new ExperimentNotFoundException(id)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed(Role.Names.EDITOR)
    @Operation(summary = "Create an experiment", description = "Validated like the form: every problem is named "
            + "with its field in the problem's \"problems\" member. Needs an EDITOR's token.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, unknown keys, or invalid settings or "
            + "hyperparameters")
    @ApiResponse(responseCode = "403", description = "The token's owner is not an editor")
    public ResponseEntity<ExperimentDescription> create(@RequestBody ExperimentRequest request, Principal user) {
        Experiment experiment = new Experiment();
        experiment.setName(request.name());
        experiment.setDataset(request.dataset());
        experiment.setBaseModel(request.baseModel());
        experiment.setSubsetTrain(request.subsetTrain());
        experiment.setSubsetValidation(request.subsetValidation());
        experiment.setSubsetTest(request.subsetTest());
        if (request.device() != null) {
            experiment.setDevice(request.device());
        }
        experiment.setTags(request.tags());
        experiment.setNotes(request.notes());
        Map<String, String> problems = new LinkedHashMap<>();
        if (request.unknownKeys() != null) {
            String unknown = UnknownKeys.problem(ExperimentRequest.class);
            request.unknownKeys().keySet().forEach(key -> problems.put(key, unknown));
        }
        problems.putAll(experiments.problems(experiment));
        try {
            experiment.setHyperparameters(Hyperparameters.fromMap(request.hyperparameters() == null ? Map.of()
                    : request.hyperparameters()));
        } catch (InvalidHyperparametersException e) {
            e.problems().forEach((key, message) -> problems.put("hyperparameters." + key, message));
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        Experiment saved = experiments.save(experiment, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/experiments/" + saved.getId()))
                .body(ExperimentDescription.of(saved));
    }
}
