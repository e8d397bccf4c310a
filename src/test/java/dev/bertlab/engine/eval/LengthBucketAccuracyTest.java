package dev.bertlab.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LengthBucketAccuracyTest {

    private static final int[] LENGTHS = {10, 128, 129, 200, 256, 600, 1000};
    private static final boolean[] CORRECT = {true, false, true, true, false, true, false};

    @Test
    void defaultBucketsByHand() {
        // <=128: 10 right, 128 wrong -> 1/2; 129-256: 129, 200 right, 256 wrong -> 2/3; 257-512: none;
        // >512: 600 right, 1000 wrong -> 1/2
        LengthBucketAccuracy accuracy = LengthBucketAccuracy.of(CORRECT, LENGTHS,
                LengthBucketAccuracy.DEFAULT_UPPER_EDGES);

        assertThat(accuracy.buckets()).extracting(LengthBucket::label)
                .containsExactly("<=128", "129-256", "257-512", ">512");
        assertThat(accuracy.buckets()).extracting(LengthBucket::examples).containsExactly(2, 3, 0, 2);
        assertThat(accuracy.buckets()).extracting(LengthBucket::correct).containsExactly(1, 2, 0, 1);
        assertThat(accuracy.buckets().get(0).accuracy()).isEqualTo(0.5);
        assertThat(accuracy.buckets().get(1).accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(accuracy.buckets().get(3).accuracy()).isEqualTo(0.5);
        assertThat(accuracy.buckets().get(1).minLength()).isEqualTo(129);
        assertThat(accuracy.buckets().get(1).maxLength()).isEqualTo(256);
        assertThat(accuracy.buckets().get(3).maxLength()).isNull();
    }

    @Test
    void anEmptyBucketHasNoAccuracyRatherThanNaN() {
        LengthBucket empty = LengthBucketAccuracy.of(CORRECT, LENGTHS, 128, 256, 512).buckets().get(2);

        assertThat(empty.examples()).isZero();
        assertThat(empty.accuracy()).isNull();
    }

    @Test
    void edgesAreConfigurable() {
        // <=50: 10 (right); 51-100: none; 101-200: 128 wrong, 129 right, 200 right; >200: 256 wrong, 600 right,
        // 1000 wrong
        LengthBucketAccuracy accuracy = LengthBucketAccuracy.of(CORRECT, LENGTHS, 50, 100, 200);

        assertThat(accuracy.buckets()).extracting(LengthBucket::label)
                .containsExactly("<=50", "51-100", "101-200", ">200");
        assertThat(accuracy.buckets()).extracting(LengthBucket::examples).containsExactly(1, 0, 3, 3);
        assertThat(accuracy.buckets().get(3).accuracy()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(LengthBucketAccuracy.of(CORRECT, LENGTHS, 5, 6).buckets())
                .extracting(LengthBucket::label).containsExactly("<=5", "6", ">6");
    }

    @Test
    void readsLengthsByPredictionId() {
        PredictionSet predictions = new PredictionSet(List.of("neg", "pos"), List.of(
                Prediction.of("short", 0, new float[] {0.9f, 0.1f}),
                Prediction.of("long", 1, new float[] {0.8f, 0.2f})));

        LengthBucketAccuracy accuracy = LengthBucketAccuracy.of(predictions, Map.of("short", 12, "long", 700));

        assertThat(accuracy.buckets()).extracting(LengthBucket::examples).containsExactly(1, 0, 0, 1);
        assertThat(accuracy.buckets().get(0).accuracy()).isEqualTo(1.0);
        assertThat(accuracy.buckets().get(3).accuracy()).isEqualTo(0.0);
        assertThatThrownBy(() -> LengthBucketAccuracy.of(predictions, Map.of("short", 12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no length for example 'long'");
    }

    @Test
    void rejectsBadEdgesAndLengths() {
        assertThatThrownBy(() -> LengthBucketAccuracy.of(CORRECT, LENGTHS, 256, 128))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly rising");
        assertThatThrownBy(() -> LengthBucketAccuracy.of(CORRECT, LENGTHS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one bucket edge");
        assertThatThrownBy(() -> LengthBucketAccuracy.of(new boolean[] {true}, new int[] {-1}, 128))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> LengthBucketAccuracy.of(new boolean[] {true}, new int[] {1, 2}, 128))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 correctness flags but 2");
    }

    @Test
    void serialisesToJsonAndBack() throws Exception {
        LengthBucketAccuracy accuracy = LengthBucketAccuracy.of(CORRECT, LENGTHS, 128, 256, 512);
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(accuracy);

        assertThat(json).contains("\"label\":\"257-512\"", "\"accuracy\":null");
        assertThat(mapper.readValue(json, LengthBucketAccuracy.class)).isEqualTo(accuracy);
    }
}
