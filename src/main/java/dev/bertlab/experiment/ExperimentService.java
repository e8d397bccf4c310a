package dev.bertlab.experiment;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.train.Hyperparameters;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines experiments: create, edit, clone and refine, each validated before anything is stored. Storing needs the
 * EDITOR role (method security), whichever door the call comes through.
 */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final DatasetCatalog datasets;
    private final ModelRegistry models;

    public ExperimentService(ExperimentRepository experiments, DatasetCatalog datasets, ModelRegistry models) {
        this.experiments = experiments;
        this.datasets = datasets;
        this.models = models;
    }

    /** Problems of an experiment by field name (empty: valid). Hyperparameters validate themselves. */
    public Map<String, String> problems(Experiment experiment) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (experiment.getName() == null || experiment.getName().isBlank()) {
            problems.put("name", "give the experiment a name");
        } else if (experiment.getName().length() > 100) {
            problems.put("name", "a name has at most 100 characters");
        }
        if (experiment.getDataset() == null || !datasets.exists(experiment.getDataset())) {
            problems.put("dataset", "choose a dataset of the catalog");
        }
        String model = experiment.getBaseModel();
        if (model == null || (models.find(model).isEmpty() && !Files.isRegularFile(Path.of(model, "config.json")))) {
            problems.put("baseModel", "choose a base model, or the directory of a Hugging Face model");
        }
        checkSubset(problems, "subsetTrain", experiment.getSubsetTrain());
        checkSubset(problems, "subsetValidation", experiment.getSubsetValidation());
        checkSubset(problems, "subsetTest", experiment.getSubsetTest());
        String device = experiment.getDevice();
        if (device == null || (!List.of("auto", "cpu", "cuda").contains(device) && !device.matches("cuda:\\d+"))) {
            problems.put("device", "auto, cpu, cuda or cuda:N");
        }
        return problems;
    }

    @Transactional
    @RolesAllowed("EDITOR")
    public Experiment save(Experiment experiment, String user) {
        Map<String, String> problems = problems(experiment);
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        Instant now = Instant.now();
        if (experiment.getId() == null) {
            experiment.setCreatedBy(user);
            experiment.setCreatedAt(now);
        }
        experiment.setUpdatedAt(now);
        return experiments.save(experiment);
    }

    /** A copy to edit and save as a new experiment, unrelated to the original. */
    public Experiment cloneOf(long id) {
        Experiment copy = get(id).copy();
        copy.setName(copy.getName() + " (copy)");
        return copy;
    }

    /**
     * A child of {@code parentId} with changed hyperparameters: the note of what changed and why is required,
     * so the lineage explains itself.
     */
    @Transactional
    @RolesAllowed("EDITOR")
    public Experiment refine(long parentId, Experiment child, String changeNote, ExperimentStage stage, String user) {
        if (changeNote == null || changeNote.isBlank()) {
            throw new InvalidExperimentException(Map.of("changeNote", "say what changed and why"));
        }
        get(parentId);
        child.setParentId(parentId);
        child.setChangeNote(changeNote.trim());
        child.setStage(stage == null ? ExperimentStage.REFINED : stage);
        return save(child, user);
    }

    public Experiment get(long id) {
        return experiments.findById(id).orElseThrow(() -> new ExperimentNotFoundException(id));
    }

    public Optional<Experiment> find(long id) {
        return experiments.findById(id);
    }

    public List<Experiment> all() {
        return experiments.findAllByOrderByUpdatedAtDesc();
    }

    public List<Experiment> children(long id) {
        return experiments.findByParentId(id);
    }

    /** The chain from the family's first experiment down to {@code id}. */
    public List<Experiment> ancestry(long id) {
        List<Experiment> chain = new ArrayList<>();
        Experiment current = get(id);
        while (current != null) {
            chain.add(0, current);
            current = current.getParentId() == null ? null : experiments.findById(current.getParentId()).orElse(null);
        }
        return chain;
    }

    /**
     * The whole family of {@code id}: its first ancestor with every descendant, so a page can draw where the
     * experiment stands among its debugged and refined relatives.
     */
    public Lineage family(long id) {
        List<Experiment> chain = ancestry(id);
        return descendants(chain.get(0), new HashSet<>());
    }

    /** The base models a form offers (a Hugging Face model directory may be typed instead). */
    public List<ModelRegistry.Status> baseModels() {
        return models.list();
    }

    private Lineage descendants(Experiment experiment, Set<Long> seen) {
        seen.add(experiment.getId());
        List<Lineage> children = experiments.findByParentId(experiment.getId()).stream()
                .filter(child -> !seen.contains(child.getId()))
                .sorted(java.util.Comparator.comparing(Experiment::getId))
                .map(child -> descendants(child, seen)).toList();
        return new Lineage(experiment, children);
    }

    /** The engine's run configuration for one run of this experiment. */
    public RunConfig runConfig(Experiment experiment, String runName, Path runDirectory, Hyperparameters hp,
            int threads) {
        RunConfig.SubsetSizes subset = experiment.getSubsetTrain() == null && experiment.getSubsetValidation() == null
                && experiment.getSubsetTest() == null ? null : new RunConfig.SubsetSizes(experiment.getSubsetTrain(),
                experiment.getSubsetValidation(), experiment.getSubsetTest());
        return new RunConfig(runName, experiment.getDataset(), subset, null, experiment.getBaseModel(),
                runDirectory.toString(), experiment.getDevice(), threads, hp);
    }

    private static void checkSubset(Map<String, String> problems, String field, Integer size) {
        if (size != null && size < 1) {
            problems.put(field, "at least 1, or empty for the whole split");
        }
    }
}
