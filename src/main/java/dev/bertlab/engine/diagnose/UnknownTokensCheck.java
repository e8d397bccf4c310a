package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TokenStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A high [UNK] rate: the tokenizer's vocabulary does not cover the texts (another language or script, emoji,
 * broken encoding), so the model reads holes.
 */
final class UnknownTokensCheck implements DataCheck {

    /** [UNK] tokens as a share of all tokens; English reviews under BERT's vocabulary stay far below 0.1%. */
    static final double WARNING_RATE = 0.01;
    static final double PROBLEM_RATE = 0.05;
    /** The texts with the most [UNK] tokens listed for a look. */
    static final int MAX_LISTED = 20;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.HIGH_UNK_RATE;
    }

    @Override
    public Optional<Diagnosis> check(DataUnderReview data) {
        if (!data.encoded() || data.encodedTrain().isEmpty()) {
            return Optional.empty();
        }
        List<EncodedText> encoded = data.encodedTrain();
        TokenStats stats = TokenStats.of(encoded);
        if (stats.unknownRate() < WARNING_RATE) {
            return Optional.empty();
        }
        List<String> worst = new ArrayList<>();
        IntStream.range(0, encoded.size()).boxed().filter(i -> encoded.get(i).unknownTokens() > 0)
                .sorted(Comparator.comparingInt((Integer i) -> encoded.get(i).unknownTokens()).reversed())
                .limit(MAX_LISTED).forEach(i -> worst.add(data.train().get(i).id()));
        long textsWithUnknown = encoded.stream().filter(e -> e.unknownTokens() > 0).count();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("unknown_rate", stats.unknownRate());
        values.put("texts_with_unknown", (double) textsWithUnknown);
        String sentence = Figures.percent(stats.unknownRate()) + " of the training tokens are [UNK], in "
                + textsWithUnknown + " of " + encoded.size() + " texts";
        return Optional.of(Diagnosis.ofData(kind(), stats.unknownRate() >= PROBLEM_RATE ? Severity.PROBLEM
                        : Severity.WARNING, "High [UNK] rate: " + Figures.percent(stats.unknownRate()),
                new Evidence(sentence, values), Remedy.adviceOnly("pick a base model whose vocabulary covers the "
                        + "texts (bert-base-multilingual-cased for other languages, a cased model for cased text) "
                        + "or fix the text encoding"), worst));
    }
}
