package dev.bertlab.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.sweep.SearchSpace;
import dev.bertlab.engine.sweep.SweepPlan;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sweeps: plans the trials of a search (grid or seeded random, within a budget) over an experiment and queues them
 * as one batch, now or at a chosen time; ranks the finished runs by a test metric.
 */
@Service
public class SweepService {

    /** Test metrics a sweep can rank by; for the loss-like ones lower is better. */
    public static final List<String> METRICS = List.of("accuracy", "f1", "f1_macro", "roc_auc", "loss", "log_loss",
            "mse", "mae", "r2");
    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "log_loss", "mse", "mae");

    private final SweepRepository sweeps;
    private final ExperimentService experiments;
    private final RunService runs;
    private final ObjectMapper json;

    public SweepService(SweepRepository sweeps, ExperimentService experiments, RunService runs, ObjectMapper json) {
        this.sweeps = sweeps;
        this.experiments = experiments;
        this.runs = runs;
        this.json = json;
    }

    /** Plans and queues a sweep; nothing is stored when a trial's hyperparameters are invalid. */
    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public Sweep start(SweepRequest request, String user) {
        if (request.name() == null || request.name().isBlank()) {
            throw new IllegalArgumentException("give the sweep a name");
        }
        if (!METRICS.contains(request.metric())) {
            throw new IllegalArgumentException("rank by one of " + METRICS);
        }
        Experiment experiment = experiments.get(request.experimentId());
        List<SweepPlan.Trial> trials = SweepPlan.plan(experiment.getHyperparameters(), request.space(),
                request.strategy(), request.budget(), request.seed());
        Sweep sweep = sweeps.save(new Sweep(request.name().trim(), experiment.getId(), request.strategy().name(),
                write(request.space()), request.budget(), request.metric(), request.seed(), user));
        for (SweepPlan.Trial trial : trials) {
            runs.queue(experiment.getId(), trial.hyperparameters(), sweep.getId(), request.startAt(), user);
        }
        return sweep;
    }

    public List<Sweep> all() {
        return sweeps.findAllByOrderByIdDesc();
    }

    public Sweep get(long id) {
        return sweeps.findById(id).orElseThrow(() -> new IllegalArgumentException("no sweep " + id));
    }

    public SearchSpace space(Sweep sweep) {
        try {
            return new SearchSpace(json.readValue(sweep.getSpace(), new TypeReference<Map<String, List<Object>>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sweep " + sweep.getId() + " has an unreadable search space", e);
        }
    }

    public static boolean lowerIsBetter(String metric) {
        return LOWER_IS_BETTER.contains(metric);
    }

    /** The sweep's runs, best first (runs without a score last, newest first among them). */
    public List<SweepTrial> trials(Sweep sweep) {
        Set<String> keys = space(sweep).values().keySet();
        String metric = sweep.getMetric();
        boolean lower = lowerIsBetter(metric);
        List<TrainingRun> all = runs.forSweep(sweep.getId());
        Double bestScore = all.stream().filter(r -> r.getStatus() == RunStatus.SUCCEEDED)
                .map(r -> r.getTestMetrics().get(metric)).filter(v -> v != null)
                .reduce((a, b) -> lower ? Math.min(a, b) : Math.max(a, b)).orElse(null);
        List<SweepTrial> trials = new ArrayList<>();
        boolean bestMarked = false;
        for (TrainingRun run : all) {
            Double score = run.getStatus() == RunStatus.SUCCEEDED ? run.getTestMetrics().get(metric) : null;
            boolean best = !bestMarked && score != null && score.equals(bestScore);
            bestMarked |= best;
            trials.add(new SweepTrial(run, values(run, keys), score, best));
        }
        Comparator<SweepTrial> byScore = Comparator.comparing(SweepTrial::score,
                Comparator.nullsLast(lower ? Comparator.<Double>naturalOrder() : Comparator.<Double>reverseOrder()));
        trials.sort(byScore.thenComparing(t -> -t.run().getId()));
        return trials;
    }

    private Map<String, Object> values(TrainingRun run, Set<String> keys) {
        JsonNode node = json.valueToTree(run.getHyperparameters());
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : keys) {
            JsonNode value = node.get(key);
            values.put(key, value == null ? null : value.isNumber() ? value.numberValue() : value.asText());
        }
        return values;
    }

    private String write(SearchSpace space) {
        try {
            return json.writeValueAsString(space.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
