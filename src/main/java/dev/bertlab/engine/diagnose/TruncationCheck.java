package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.tokenize.TokenStats;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Heavy truncation: many training texts are longer than max_length, so the model never sees their end. */
final class TruncationCheck implements DataCheck {

    /** Truncating at least this share of the texts is worth a look... */
    static final double WARNING_TRUNCATED_SHARE = 0.10;
    /** ...this share, or losing this share of all tokens, costs accuracy. */
    static final double PROBLEM_TRUNCATED_SHARE = 0.30;
    static final double PROBLEM_TOKENS_LOST_SHARE = 0.20;
    /** BERT's position limit. */
    static final int MAX_POSITIONS = 512;
    /** Suggested lengths are rounded up to this, a friendly size for the matrix kernels. */
    static final int LENGTH_STEP = 32;
    /** Reviews often state their verdict at the end: keep 128 head tokens and the rest from the tail. */
    static final String HEAD_TAIL = "head+tail:128";

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.HEAVY_TRUNCATION;
    }

    @Override
    public Optional<Diagnosis> check(DataUnderReview data) {
        if (!data.encoded() || data.encodedTrain().isEmpty()) {
            return Optional.empty();
        }
        TokenStats stats = TokenStats.of(data.encodedTrain());
        if (stats.truncatedShare() < WARNING_TRUNCATED_SHARE) {
            return Optional.empty();
        }
        Hyperparameters hp = data.hyperparameters();
        boolean problem = stats.truncatedShare() >= PROBLEM_TRUNCATED_SHARE
                || stats.tokensLostShare() >= PROBLEM_TOKENS_LOST_SHARE;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("truncated_share", stats.truncatedShare());
        values.put("tokens_lost_share", stats.tokensLostShare());
        values.put("max_length", (double) hp.maxLength());
        values.put("length_p50", (double) stats.p50());
        values.put("length_p90", (double) stats.p90());
        String sentence = Figures.percent(stats.truncatedShare()) + " of the " + stats.examples()
                + " training texts are longer than max_length " + hp.maxLength() + " and "
                + Figures.percent(stats.tokensLostShare()) + " of all tokens are cut off (length median "
                + stats.p50() + ", 90th percentile " + stats.p90() + ")";
        Remedy.Builder remedy = Remedy.from(hp);
        int covering = Math.min(MAX_POSITIONS, roundUp(stats.p90()));
        if (covering > hp.maxLength()) {
            remedy.set("max_length", covering);
        }
        if (stats.p90() > MAX_POSITIONS && hp.truncationRule().strategy() == Truncation.Strategy.HEAD) {
            remedy.set("truncation", HEAD_TAIL);
        }
        return Optional.of(Diagnosis.ofData(kind(), problem ? Severity.PROBLEM : Severity.WARNING,
                "Heavy truncation: " + Figures.percent(stats.truncatedShare()) + " of texts are cut",
                new Evidence(sentence, values), remedy.build("raise max_length to cover most texts (memory and time "
                        + "grow with it; lower batch_size with gradient_accumulation if needed), or keep head and "
                        + "tail of long texts"), List.of()));
    }

    private static int roundUp(int length) {
        return (length + LENGTH_STEP - 1) / LENGTH_STEP * LENGTH_STEP;
    }
}
