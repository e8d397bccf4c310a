package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TokenStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitDigestTest {

    private static final EncodedText TEXT = new EncodedText(new int[] {2, 9, 3}, new int[3], 3, 0);

    private static EncodedSplit classes(List<String> ids, int... labels) {
        List<EncodedText> inputs = ids.stream().map(id -> TEXT).toList();
        return new EncodedSplit("train", ids, inputs, labels, null, TokenStats.of(inputs));
    }

    private static EncodedSplit values(List<String> ids, double... targets) {
        List<EncodedText> inputs = ids.stream().map(id -> TEXT).toList();
        return new EncodedSplit("train", ids, inputs, null, targets, TokenStats.of(inputs));
    }

    @Test
    void isTheSha256OfTheIdsAndGoldValuesAsText() {
        // the digests checkpoints already hold: these values must never change, or old runs stop resuming
        assertThat(SplitDigest.of(classes(List.of("a", "b"), 0, 1)))
                .isEqualTo("9d4802f421ffd486b39c371ecc04af51f451d32d5e11771d7472a882ed34547f");
        assertThat(SplitDigest.of(values(List.of("a", "b"), 1.5, -2.0)))
                .isEqualTo("538ca112d9548806988d67835f9e118c29e1adfecd14ca0369e7bb167db3f25a");
        assertThat(SplitDigest.of(classes(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void changesWithALabelAnIdOrTheOrder() {
        String digest = SplitDigest.of(classes(List.of("a", "b", "c"), 0, 1, 1));
        assertThat(SplitDigest.of(classes(List.of("a", "b", "c"), 0, 1, 1))).isEqualTo(digest);
        assertThat(SplitDigest.of(classes(List.of("a", "b", "c"), 0, 0, 1))).isNotEqualTo(digest);
        assertThat(SplitDigest.of(classes(List.of("a", "b", "d"), 0, 1, 1))).isNotEqualTo(digest);
        assertThat(SplitDigest.of(classes(List.of("b", "a", "c"), 1, 0, 1))).isNotEqualTo(digest);
    }

    @Test
    void ignoresTheTexts() {
        List<EncodedText> other = List.of(new EncodedText(new int[] {2, 11, 12, 3}, new int[4], 4, 0));
        EncodedSplit retokenized = new EncodedSplit("train", List.of("a"), other, new int[] {1}, null,
                TokenStats.of(other));
        assertThat(SplitDigest.of(retokenized)).isEqualTo(SplitDigest.of(classes(List.of("a"), 1)));
    }
}
