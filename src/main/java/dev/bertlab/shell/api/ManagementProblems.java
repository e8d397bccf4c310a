package dev.bertlab.shell.api;

import dev.bertlab.experiment.ExperimentNotFoundException;
import dev.bertlab.experiment.InvalidExperimentException;
import dev.bertlab.experiment.api.ExperimentController;
import dev.bertlab.run.RunNotFoundException;
import dev.bertlab.run.RunStateException;
import dev.bertlab.run.api.RunController;
import dev.bertlab.web.api.ProblemAdvice;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The experiment and run API's errors as problem details: an invalid experiment lists every problem by field in
 * {@code problems}, as the form marks them.
 */
@RestControllerAdvice(assignableTypes = {ExperimentController.class, RunController.class})
public class ManagementProblems extends ProblemAdvice {

    public ManagementProblems() {
        super("see the API's description at /api/v1/openapi",
                "{\"name\": \"imdb minilm\", \"dataset\": \"imdb\", \"baseModel\": \"all-MiniLM-L6-v2\"} (an "
                        + "experiment) or {\"at\": \"2026-11-27T01:00:00Z\"} (a run)");
    }

    @ExceptionHandler(InvalidExperimentException.class)
    ProblemDetail invalid(InvalidExperimentException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid experiment", e.problems().entrySet().stream()
                .map(p -> p.getKey() + ": " + p.getValue()).collect(Collectors.joining("; ")));
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler({ExperimentNotFoundException.class, RunNotFoundException.class})
    ProblemDetail notFound(IllegalArgumentException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(RunStateException.class)
    ProblemDetail conflict(RunStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return invalidRequest(e.getMessage());
    }
}
