package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LengthBucketSamplerTest {

    private static int[] lengths(int n) {
        Random random = new Random(1);
        return IntStream.range(0, n).map(i -> 10 + random.nextInt(500)).toArray();
    }

    @Test
    void everyExampleAppearsExactlyOncePerEpoch() {
        LengthBucketSampler sampler = new LengthBucketSampler(lengths(1003), 16, true, 7);
        List<int[]> steps = sampler.steps(0);
        assertThat(steps).hasSize(sampler.stepsPerEpoch()).hasSize(63);
        int[] all = steps.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 1003).toArray());
        assertThat(steps.get(steps.size() - 1)).hasSize(1003 % 16);
    }

    @Test
    void orderIsAFunctionOfSeedAndEpoch() {
        int[] lengths = lengths(500);
        List<int[]> first = new LengthBucketSampler(lengths, 8, true, 7).steps(3);
        List<int[]> again = new LengthBucketSampler(lengths, 8, true, 7).steps(3);
        List<int[]> otherEpoch = new LengthBucketSampler(lengths, 8, true, 7).steps(4);
        assertThat(again).usingRecursiveComparison().isEqualTo(first);
        assertThat(otherEpoch).usingRecursiveComparison().isNotEqualTo(first);
    }

    @Test
    void bucketingNeedsFarFewerTokenSlotsThanRandomBatches() {
        int[] lengths = lengths(2000);
        long random = new LengthBucketSampler(lengths, 16, false, 7).paddedTokenSlots(0, 16);
        long bucketed = new LengthBucketSampler(lengths, 16, true, 7).paddedTokenSlots(0, 16);
        long real = Arrays.stream(lengths).asLongStream().sum();
        assertThat(bucketed).isLessThan(random).isLessThan((long) (real * 1.05));
    }
}
