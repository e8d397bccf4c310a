package dev.bertlab.report;

import dev.bertlab.compare.HyperparameterDiff;
import dev.bertlab.experiment.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a child experiment changed against its parent: the data it trains on, its model and its hyperparameters. */
final class SettingChanges {

    private SettingChanges() {
    }

    /** The hyperparameters that differ, with the dataset, base model and subset sizes when those changed too. */
    static List<SettingChange> between(Experiment parent, Experiment child) {
        List<SettingChange> changes = new ArrayList<>();
        if (!Objects.equals(parent.getDataset(), child.getDataset())) {
            changes.add(new SettingChange("dataset", parent.getDataset(), child.getDataset()));
        }
        if (!Objects.equals(parent.getBaseModel(), child.getBaseModel())) {
            changes.add(new SettingChange("base_model", parent.getBaseModel(), child.getBaseModel()));
        }
        changeOf("subset_train", parent.getSubsetTrain(), child.getSubsetTrain()).ifPresent(changes::add);
        changeOf("subset_validation", parent.getSubsetValidation(), child.getSubsetValidation())
                .ifPresent(changes::add);
        changeOf("subset_test", parent.getSubsetTest(), child.getSubsetTest()).ifPresent(changes::add);
        HyperparameterDiff.differing(List.of(parent.getHyperparameters(), child.getHyperparameters()))
                .forEach(row -> changes.add(new SettingChange(row.key(), row.values().get(0), row.values().get(1))));
        return changes;
    }

    /** A subset size that changed; no size means the whole split. */
    private static Optional<SettingChange> changeOf(String key, Integer before, Integer after) {
        return Objects.equals(before, after) ? Optional.empty() : Optional.of(new SettingChange(key,
                before == null ? "all" : before.toString(), after == null ? "all" : after.toString()));
    }
}
