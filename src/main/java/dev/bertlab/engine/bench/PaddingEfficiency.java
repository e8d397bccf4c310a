package dev.bertlab.engine.bench;

import dev.bertlab.engine.train.LengthBucketSampler;

/**
 * Token slots one epoch occupies under three padding schemes: the saving that length bucketing with dynamic
 * padding buys over padding every text to 512.
 *
 * @param examples texts counted
 * @param realTokens tokens of the texts themselves
 * @param padTo512 slots when every text is padded to 512
 * @param dynamicShuffled slots with per-batch padding in random order
 * @param dynamicBucketed slots with per-batch padding and length-grouped batches
 */
record PaddingEfficiency(int examples, long realTokens, long padTo512, long dynamicShuffled, long dynamicBucketed) {

    static PaddingEfficiency of(int[] lengths, int batchSize, long seed) {
        long real = 0;
        for (int length : lengths) {
            real += length;
        }
        long shuffled = new LengthBucketSampler(lengths, batchSize, false, seed).paddedTokenSlots(0, batchSize);
        long bucketed = new LengthBucketSampler(lengths, batchSize, true, seed).paddedTokenSlots(0, batchSize);
        return new PaddingEfficiency(lengths.length, real, 512L * lengths.length, shuffled, bucketed);
    }

    double bucketedSaving() {
        return (double) padTo512 / dynamicBucketed;
    }
}
