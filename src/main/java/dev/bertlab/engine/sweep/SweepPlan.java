package dev.bertlab.engine.sweep;

import dev.bertlab.engine.train.Hyperparameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The trials of a sweep: each a set of overrides applied to the base hyperparameters. Grid search walks the
 * combinations in order (the first knob varying slowest) up to the budget; random search draws distinct
 * combinations with a seed, so a sweep planned twice has the same trials.
 */
public final class SweepPlan {

    private static final int MAX_BUDGET = 256;

    /**
     * One trial.
     *
     * @param overrides the varied knobs and their values in this trial
     * @param hyperparameters the base with the overrides applied (validated)
     */
    public record Trial(Map<String, Object> overrides, Hyperparameters hyperparameters) {
    }

    public enum Strategy { GRID, RANDOM }

    private SweepPlan() {
    }

    public static List<Trial> plan(Hyperparameters base, SearchSpace space, Strategy strategy, int budget, long seed) {
        if (budget < 1 || budget > MAX_BUDGET) {
            throw new IllegalArgumentException("budget must be 1 to " + MAX_BUDGET + " runs, got " + budget);
        }
        List<Map<String, Object>> combinations = strategy == Strategy.GRID ? grid(space, budget)
                : random(space, budget, seed);
        List<Trial> trials = new ArrayList<>(combinations.size());
        for (Map<String, Object> overrides : combinations) {
            trials.add(new Trial(overrides, apply(base, overrides)));
        }
        return trials;
    }

    /** The base hyperparameters with some fields replaced by name; the result is validated like any other. */
    public static Hyperparameters apply(Hyperparameters base, Map<String, Object> overrides) {
        return base.with(overrides);
    }

    private static List<Map<String, Object>> grid(SearchSpace space, int budget) {
        List<String> names = new ArrayList<>(space.values().keySet());
        List<Map<String, Object>> combinations = new ArrayList<>();
        int[] index = new int[names.size()];
        while (combinations.size() < budget) {
            Map<String, Object> combination = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                combination.put(names.get(i), space.values().get(names.get(i)).get(index[i]));
            }
            combinations.add(combination);
            int position = names.size() - 1;
            while (position >= 0 && ++index[position] == space.values().get(names.get(position)).size()) {
                index[position] = 0;
                position--;
            }
            if (position < 0) {
                break;
            }
        }
        return combinations;
    }

    private static List<Map<String, Object>> random(SearchSpace space, int budget, long seed) {
        Random random = new Random(seed);
        long distinct = space.gridSize();
        int wanted = (int) Math.min(budget, distinct);
        Set<Map<String, Object>> chosen = new LinkedHashSet<>();
        while (chosen.size() < wanted) {
            Map<String, Object> combination = new LinkedHashMap<>();
            space.values().forEach((name, options) -> combination.put(name, options.get(random.nextInt(options.size()))));
            chosen.add(combination);
        }
        return new ArrayList<>(chosen);
    }
}
