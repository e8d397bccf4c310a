package dev.bertlab.classify;

import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.engine.tokenize.Truncation;
import java.util.Locale;

/** Says in words what part of a text a classifier did not read. */
final class TruncationNotice {

    private TruncationNotice() {
    }

    /** Null when the whole text was read. */
    static String of(String text, boolean truncated, int maxTokens, Truncation rule) {
        if (!truncated) {
            return null;
        }
        String lost = switch (rule.strategy()) {
            case HEAD -> "its end";
            case TAIL -> "its beginning";
            case HEAD_TAIL -> "its middle";
        };
        if (text.length() > TextClassifier.MAX_CHARACTERS) {
            return String.format(Locale.ROOT, "The text has %,d characters: only its first %,d were considered, and "
                    + "the model reads at most %d tokens of them, so %s was not read.", text.length(),
                    TextClassifier.MAX_CHARACTERS, maxTokens, lost);
        }
        return String.format(Locale.ROOT, "The text is longer than the %d tokens the model reads: %s was not read.",
                maxTokens, lost);
    }
}
