package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    @Test
    void normalisingIgnoresCaseAccentsMarkupAndPunctuation() {
        assertThat(ShingledText.normalise("Café  GREAT!<br />Loved it..."))
                .isEqualTo(ShingledText.normalise("cafe great loved it"));
    }

    @Test
    void fiftyThousandReviewsAreIndexedAndTheirPlantedCopiesFoundInSeconds() {
        SyntheticReviews reviews = new SyntheticReviews(11);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            texts.add(reviews.text(120));
        }
        // 20 near copies (one word of 120 replaced) of texts 1000..1019 at the end
        for (int i = 0; i < 20; i++) {
            texts.add(DataDiagnosticianTest.replaceWord(texts.get(1000 + i), 60, "w1999x"));
        }
        long start = System.nanoTime();
        NearDuplicateIndex index = new NearDuplicateIndex(texts);
        List<NearDuplicateIndex.Pair> pairs = index.pairs();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[near-duplicates] 50,020 texts of 120 words in %.1f s%n", seconds);

        Set<String> found = pairs.stream().map(p -> p.first() + "-" + p.second()).collect(Collectors.toSet());
        Set<String> planted = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            planted.add((1000 + i) + "-" + (50_000 + i));
        }
        assertThat(found).isEqualTo(planted);
        assertThat(pairs).allMatch(p -> !p.exact() && p.jaccard() >= 0.9);
        // generous: linear work is a few seconds even on a busy two-core machine; a quadratic pass would take hours
        assertThat(seconds).isLessThan(60);
        assertThat(index.match(texts.get(1005)).orElseThrow().index()).isEqualTo(1005);
        assertThat(index.match(reviews.text(120))).isEmpty();
    }
}
