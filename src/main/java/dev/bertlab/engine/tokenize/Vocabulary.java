package dev.bertlab.engine.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The WordPiece vocabulary of a tokenizer.json: token ids both ways and the special tokens BERT needs. */
public final class Vocabulary {

    private final Map<String, Integer> ids;
    private final String[] tokens;

    private Vocabulary(Map<String, Integer> ids) {
        this.ids = ids;
        int size = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.tokens = new String[size];
        ids.forEach((token, id) -> tokens[id] = token);
    }

    public static Vocabulary read(Path tokenizerJson) throws IOException {
        JsonNode vocab = Json.mapper().readTree(tokenizerJson.toFile()).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IOException(tokenizerJson + " has no WordPiece vocabulary (model.vocab)");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ids.put(entry.getKey(), entry.getValue().asInt());
        }
        return new Vocabulary(ids);
    }

    public int size() {
        return tokens.length;
    }

    public int id(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("token " + token + " is not in the vocabulary");
        }
        return id;
    }

    public String token(int id) {
        return id >= 0 && id < tokens.length && tokens[id] != null ? tokens[id] : "[UNK]";
    }

    public int padId() {
        return id("[PAD]");
    }

    public int unkId() {
        return id("[UNK]");
    }

    public int clsId() {
        return id("[CLS]");
    }

    public int sepId() {
        return id("[SEP]");
    }

    public int maskId() {
        return id("[MASK]");
    }
}
