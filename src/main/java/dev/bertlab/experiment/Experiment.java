package dev.bertlab.experiment;

import dev.bertlab.config.JsonColumns;
import dev.bertlab.engine.train.Hyperparameters;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What to train: a dataset (optionally a stratified subset), a base model and the hyperparameters, with the
 * hypothesis behind it. A refined experiment points to its parent and says what changed and why.
 */
@Entity
@Table(name = "experiment")
public class Experiment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 64)
    private String dataset;

    @Column(name = "base_model", nullable = false, length = 300)
    private String baseModel;

    @Lob
    @Column(nullable = false)
    @Convert(converter = JsonColumns.HyperparametersColumn.class)
    private Hyperparameters hyperparameters;

    @Column(name = "subset_train")
    private Integer subsetTrain;

    @Column(name = "subset_validation")
    private Integer subsetValidation;

    @Column(name = "subset_test")
    private Integer subsetTest;

    @Column(nullable = false, length = 16)
    private String device = "auto";

    @Column(nullable = false, length = 500)
    private String tags = "";

    @Lob
    private String notes;

    @Column(name = "parent_id")
    private Long parentId;

    @Lob
    @Column(name = "change_note")
    private String changeNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ExperimentStage stage = ExperimentStage.INITIAL;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public Experiment() {
        this.hyperparameters = Hyperparameters.defaults();
    }

    /** A copy with no id, parent or history: the starting point of a clone or a refinement. */
    public Experiment copy() {
        Experiment copy = new Experiment();
        copy.name = name;
        copy.dataset = dataset;
        copy.baseModel = baseModel;
        copy.hyperparameters = hyperparameters;
        copy.subsetTrain = subsetTrain;
        copy.subsetValidation = subsetValidation;
        copy.subsetTest = subsetTest;
        copy.device = device;
        copy.tags = tags;
        copy.notes = notes;
        return copy;
    }

    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDataset() { return dataset; }
    public void setDataset(String dataset) { this.dataset = dataset; }
    public String getBaseModel() { return baseModel; }
    public void setBaseModel(String baseModel) { this.baseModel = baseModel; }
    public Hyperparameters getHyperparameters() { return hyperparameters; }
    public void setHyperparameters(Hyperparameters hyperparameters) { this.hyperparameters = hyperparameters; }
    public Integer getSubsetTrain() { return subsetTrain; }
    public void setSubsetTrain(Integer subsetTrain) { this.subsetTrain = subsetTrain; }
    public Integer getSubsetValidation() { return subsetValidation; }
    public void setSubsetValidation(Integer subsetValidation) { this.subsetValidation = subsetValidation; }
    public Integer getSubsetTest() { return subsetTest; }
    public void setSubsetTest(Integer subsetTest) { this.subsetTest = subsetTest; }
    public String getDevice() { return device; }
    public void setDevice(String device) { this.device = device; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags == null ? "" : tags; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
    public ExperimentStage getStage() { return stage; }
    public void setStage(ExperimentStage stage) { this.stage = stage; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
