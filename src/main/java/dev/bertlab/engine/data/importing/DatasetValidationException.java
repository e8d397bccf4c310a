package dev.bertlab.engine.data.importing;

import java.util.List;

/** The files of an import have problems; nothing was imported. Holds the first problems and how many there are. */
public class DatasetValidationException extends RuntimeException {

    private final List<DatasetProblem> problems;
    private final int totalProblems;

    public DatasetValidationException(List<DatasetProblem> problems, int totalProblems) {
        super(describe(problems, totalProblems));
        this.problems = List.copyOf(problems);
        this.totalProblems = totalProblems;
    }

    /** The problems found, up to {@link ProblemCollector#MAX_SHOWN}, in the order found. */
    public List<DatasetProblem> problems() {
        return problems;
    }

    /** All problems found, including those not kept. */
    public int totalProblems() {
        return totalProblems;
    }

    private static String describe(List<DatasetProblem> problems, int total) {
        StringBuilder text = new StringBuilder("nothing was imported: ").append(total)
                .append(total == 1 ? " problem" : " problems").append(" in the dataset files");
        problems.forEach(problem -> text.append("\n  - ").append(problem));
        if (total > problems.size()) {
            text.append("\n  ... and ").append(total - problems.size()).append(" more");
        }
        return text.toString();
    }
}
