package dev.bertlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The experiment service against the real H2 database, with method security on. */
@Tag("spring")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "editor", roles = {"VIEWER", "EDITOR"})
class ExperimentServiceTest {

    private static final Path DATA = DashboardTest.newDataDirectory("experiment-service");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
    }

    @Autowired
    ExperimentService experiments;

    @Autowired
    ExperimentOverviews overviews;

    @Autowired
    ExperimentRepository repository;

    @Autowired
    TrainingRunRepository runs;

    @BeforeEach
    void empty() {
        runs.deleteAll();
        // children before their parents: a child's id is always larger
        repository.findAll(org.springframework.data.domain.Sort.by(
                org.springframework.data.domain.Sort.Direction.DESC, "id")).forEach(repository::delete);
    }

    private static Experiment valid(String name) {
        Experiment experiment = new Experiment();
        experiment.setName(name);
        experiment.setDataset("imdb");
        experiment.setBaseModel("all-MiniLM-L6-v2");
        experiment.setSubsetTrain(200);
        experiment.setHyperparameters(Hyperparameters.builder().epochs(1).build());
        return experiment;
    }

    @Test
    void aValidExperimentIsStored() {
        Experiment saved = experiments.save(valid("imdb baseline"), "editor");
        assertThat(saved.getId()).isNotNull();
        Experiment read = experiments.get(saved.getId());
        assertThat(read.getHyperparameters()).isEqualTo(Hyperparameters.builder().epochs(1).build());
        assertThat(read.getCreatedBy()).isEqualTo("editor");
        assertThat(read.getStage()).isEqualTo(ExperimentStage.INITIAL);

        read.setHyperparameters(read.getHyperparameters().toBuilder().learningRate(3e-5).build());
        read.setNotes("a higher learning rate should converge in one epoch");
        Experiment edited = experiments.save(read, "another-editor");
        assertThat(edited.getId()).isEqualTo(saved.getId());
        assertThat(experiments.get(saved.getId()).getHyperparameters().learningRate()).isEqualTo(3e-5);
        assertThat(experiments.get(saved.getId()).getCreatedBy()).isEqualTo("editor");
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void anInvalidExperimentIsRefusedFieldByFieldAndNothingIsStored() {
        Experiment bad = valid(" ");
        bad.setDataset("no-such-dataset");
        bad.setBaseModel("/nowhere/model");
        bad.setSubsetValidation(0);
        bad.setDevice("tpu");
        InvalidExperimentException failure = catchThrowableOfType(InvalidExperimentException.class,
                () -> experiments.save(bad, "editor"));
        assertThat(failure.problems()).containsOnlyKeys("name", "dataset", "baseModel", "subsetValidation",
                "device");
        assertThat(repository.count()).isZero();
    }

    @Test
    void refiningNeedsANoteOfWhatChanged() {
        Experiment parent = experiments.save(valid("parent"), "editor");
        Experiment child = parent.copy();
        InvalidExperimentException failure = catchThrowableOfType(InvalidExperimentException.class,
                () -> experiments.refine(parent.getId(), child, "  ", ExperimentStage.REFINED, "editor"));
        assertThat(failure.problems()).containsOnlyKeys("changeNote");
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void refinementsFormAFamilyWithAncestry() {
        Experiment initial = experiments.save(valid("initial"), "editor");
        Experiment debugged = experiments.refine(initial.getId(), named(initial.copy(), "debugged"),
                "the loss diverged: learning rate 1e-3 -> 2e-5", ExperimentStage.DEBUGGED, "editor");
        Experiment refined = experiments.refine(debugged.getId(), named(debugged.copy(), "refined"),
                "overfitting after epoch 2: classifier dropout 0.1 -> 0.3", ExperimentStage.REFINED, "editor");
        Experiment sibling = experiments.refine(initial.getId(), named(initial.copy(), "sibling"),
                "try a longer max length", null, "editor");

        assertThat(experiments.ancestry(refined.getId())).extracting(Experiment::getName)
                .containsExactly("initial", "debugged", "refined");
        assertThat(experiments.get(refined.getId()).getChangeNote()).startsWith("overfitting");
        assertThat(sibling.getStage()).isEqualTo(ExperimentStage.REFINED);

        Lineage family = experiments.family(refined.getId());
        assertThat(family.experiment().getName()).isEqualTo("initial");
        assertThat(family.size()).isEqualTo(4);
        assertThat(family.children()).extracting(l -> l.experiment().getName()).containsExactly("debugged", "sibling");
        assertThat(family.children().get(0).children()).extracting(l -> l.experiment().getStage())
                .containsExactly(ExperimentStage.REFINED);
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerCannotSaveOrRefine() {
        assertThatThrownBy(() -> experiments.save(valid("sneaky"), "viewer")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> experiments.refine(1L, valid("sneaky"), "note", null, "viewer"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(repository.count()).isZero();
    }

    @Test
    void theListFiltersByTextTagStatusDatasetAndModel() {
        Experiment first = valid("imdb minilm");
        first.setTags("baseline, cpu");
        first.setNotes("MiniLM should reach 85% on a small slice");
        first = experiments.save(first, "editor");
        Experiment second = valid("amazon bert");
        second.setDataset("amazon");
        second.setBaseModel("bert-base-uncased");
        second.setTags("gpu");
        second = experiments.save(second, "editor");
        run(second.getId(), RunStatus.FAILED, null);
        run(second.getId(), RunStatus.SUCCEEDED, 0.91);

        assertThat(names(new ExperimentFilter("small SLICE", null, null, null, null))).containsExactly("imdb minilm");
        assertThat(names(new ExperimentFilter(null, "CPU", null, null, null))).containsExactly("imdb minilm");
        assertThat(names(new ExperimentFilter(null, null, ExperimentFilter.NOT_RUN, null, null)))
                .containsExactly("imdb minilm");
        assertThat(names(new ExperimentFilter(null, null, "SUCCEEDED", null, null))).containsExactly("amazon bert");
        assertThat(names(new ExperimentFilter(null, null, null, "amazon", "bert-base-uncased")))
                .containsExactly("amazon bert");
        assertThat(names(ExperimentFilter.none())).containsExactlyInAnyOrder("imdb minilm", "amazon bert");
        ExperimentOverview amazon = overviews.of(second.getId());
        assertThat(amazon.latestStatus()).contains("SUCCEEDED");
        assertThat(amazon.testAccuracy()).contains(0.91);
        assertThat(overviews.tags()).containsExactly("baseline", "cpu", "gpu");
    }

    private List<String> names(ExperimentFilter filter) {
        return overviews.list(filter).stream().map(o -> o.experiment().getName()).toList();
    }

    private static Experiment named(Experiment experiment, String name) {
        experiment.setName(name);
        return experiment;
    }

    private void run(long experimentId, RunStatus status, Double accuracy) {
        TrainingRun run = new TrainingRun();
        run.setExperimentId(experimentId);
        run.setHyperparameters(Hyperparameters.defaults());
        run.setStatus(status);
        run.setQueuedAt(Instant.now());
        run.setCreatedBy("editor");
        if (accuracy != null) {
            run.setTestMetrics(new java.util.LinkedHashMap<>(Map.of("accuracy", accuracy)));
        }
        runs.save(run);
    }
}
