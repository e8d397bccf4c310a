package dev.bertlab.engine.tokenize;

import java.util.Arrays;

/**
 * Which tokens of a text longer than the budget are kept. Reviews often state their verdict at the end, so
 * keeping the head and the tail (Sun et al. 2019: first 128 and last 382 of 510) beats keeping only the head.
 *
 * @param strategy which part survives
 * @param headTokens for {@link Strategy#HEAD_TAIL}: tokens kept from the start; the rest of the budget comes
 *     from the end. If the budget is smaller than headTokens, the head gets a quarter of it.
 */
public record Truncation(Strategy strategy, int headTokens) {

    public enum Strategy {
        HEAD, TAIL, HEAD_TAIL
    }

    public static final Truncation HEAD = new Truncation(Strategy.HEAD, 0);

    public Truncation {
        if (strategy == null) {
            throw new IllegalArgumentException("truncation strategy is required");
        }
        if (headTokens < 0) {
            throw new IllegalArgumentException("headTokens must not be negative, got " + headTokens);
        }
    }

    public static Truncation headTail(int headTokens) {
        return new Truncation(Strategy.HEAD_TAIL, headTokens);
    }

    /** Parses "head", "tail", "head+tail" or "head+tail:128". */
    public static Truncation parse(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("head")) {
            return HEAD;
        }
        if (value.equals("tail")) {
            return new Truncation(Strategy.TAIL, 0);
        }
        if (value.startsWith("head+tail")) {
            String rest = value.substring("head+tail".length());
            if (rest.isEmpty()) {
                return headTail(128);
            }
            if (rest.startsWith(":")) {
                try {
                    return headTail(Integer.parseInt(rest.substring(1)));
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
        }
        throw new IllegalArgumentException("truncation must be head, tail, head+tail or head+tail:N, got '"
                + text + "'");
    }

    @Override
    public String toString() {
        return switch (strategy) {
            case HEAD -> "head";
            case TAIL -> "tail";
            case HEAD_TAIL -> "head+tail:" + headTokens;
        };
    }

    /** The tokens kept within {@code budget}. */
    public int[] apply(int[] tokens, int budget) {
        if (tokens.length <= budget) {
            return tokens;
        }
        return switch (strategy) {
            case HEAD -> Arrays.copyOf(tokens, budget);
            case TAIL -> Arrays.copyOfRange(tokens, tokens.length - budget, tokens.length);
            case HEAD_TAIL -> {
                int head = headTokens <= budget ? headTokens : budget / 4;
                int tail = budget - head;
                int[] kept = new int[budget];
                System.arraycopy(tokens, 0, kept, 0, head);
                System.arraycopy(tokens, tokens.length - tail, kept, head, tail);
                yield kept;
            }
        };
    }
}
