package dev.bertlab.experiment;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.security.Role;
import jakarta.annotation.security.RolesAllowed;
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
    private final BaseModelFolders modelFolders;

    public ExperimentService(ExperimentRepository experiments, DatasetCatalog datasets, ModelRegistry models,
            BaseModelFolders modelFolders) {
        this.experiments = experiments;
        this.datasets = datasets;
        this.models = models;
        this.modelFolders = modelFolders;
    }

    /**
     * Problems of an experiment by field name (empty: valid), each text field within its column's length.
     * Hyperparameters validate themselves.
     */
    public Map<String, String> problems(Experiment experiment) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (experiment.getName() == null || experiment.getName().isBlank()) {
            problems.put("name", "give the experiment a name");
        } else if (experiment.getName().length() > 100) {
            problems.put("name", "a name has at most 100 characters");
        }
        if (experiment.getDataset() == null || experiment.getDataset().length() > 64
                || !datasets.exists(experiment.getDataset())) {
            problems.put("dataset", "choose a dataset of the catalog");
        }
        String model = experiment.getBaseModel();
        if (model != null && model.length() > 300) {
            problems.put("baseModel", "a base model has at most 300 characters");
        } else if (model == null || (models.find(model).isEmpty() && !modelFolders.contains(model))) {
            // the same words whether a directory outside the folders exists or not
            problems.put("baseModel", "choose a base model of the list, a Hugging Face model directory in the "
                    + "models folder, or a finished run's model directory");
        }
        checkSubset(problems, "subsetTrain", experiment.getSubsetTrain());
        checkSubset(problems, "subsetValidation", experiment.getSubsetValidation());
        checkSubset(problems, "subsetTest", experiment.getSubsetTest());
        String device = experiment.getDevice();
        if (device != null && device.length() > 16) {
            problems.put("device", "a device has at most 16 characters: auto, cpu, cuda or cuda:N");
        } else if (device == null
                || (!List.of("auto", "cpu", "cuda").contains(device) && !device.matches("cuda:\\d+"))) {
            problems.put("device", "auto, cpu, cuda or cuda:N");
        }
        if (experiment.getTags().length() > 500) {
            problems.put("tags", "tags have at most 500 characters in all");
        }
        return problems;
    }

    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
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
    @RolesAllowed(Role.Names.EDITOR)
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

    /** The base models a form offers (a model directory in the models folder may be typed instead). */
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
        String baseModel = models.find(experiment.getBaseModel()).isPresent() ? experiment.getBaseModel()
                : modelFolders.resolve(experiment.getBaseModel()).toString();
        return new RunConfig(runName, experiment.getDataset(), subset, null, baseModel,
                runDirectory.toString(), experiment.getDevice(), threads, hp);
    }

    private static void checkSubset(Map<String, String> problems, String field, Integer size) {
        if (size != null && size < 1) {
            problems.put(field, "at least 1, or empty for the whole split");
        }
    }
}
