package dev.bertlab.engine.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@code tokenizer.json} of a BERT WordPiece tokenizer from a {@code vocab.txt}, which is all Google's
 * checkpoints ship. It reproduces what Hugging Face's {@code BertTokenizerFast} would save: BERT normaliser
 * (lowercasing and accent stripping only for uncased models), BERT pre-tokeniser, WordPiece with {@code ##},
 * and the [CLS]/[SEP] template.
 */
public final class WordPieceTokenizerJson {

    public static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private static final ObjectMapper JSON = Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WordPieceTokenizerJson() {
    }

    public static void write(Path vocabTxt, boolean lowercase, Path tokenizerJson) throws IOException {
        List<String> tokens = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
        ObjectNode vocab = NODES.objectNode();
        for (int id = 0; id < tokens.size(); id++) {
            // vocab.txt may end with an empty line; a token is never empty
            if (!tokens.get(id).isEmpty()) {
                vocab.put(tokens.get(id), id);
            }
        }
        for (String special : SPECIAL_TOKENS) {
            if (!vocab.has(special)) {
                throw new IOException(vocabTxt + " lacks the special token " + special);
            }
        }
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        // listed as special so that "[MASK]" in a text stays one token instead of "[", "mask", "]"
        for (String special : SPECIAL_TOKENS) {
            added.addObject().put("id", vocab.get(special).asInt()).put("content", special)
                    .put("single_word", false).put("lstrip", false).put("rstrip", false)
                    .put("normalized", false).put("special", true);
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", true);
        normalizer.putNull("strip_accents");
        normalizer.put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        root.set("post_processor", template(vocab.get("[CLS]").asInt(), vocab.get("[SEP]").asInt()));
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece").put("unk_token", "[UNK]").put("continuing_subword_prefix", "##")
                .put("max_input_chars_per_word", 100);
        model.set("vocab", vocab);
        Files.createDirectories(tokenizerJson.toAbsolutePath().getParent());
        Json.prettyWriter().writeValue(tokenizerJson.toFile(), root);
    }

    /**
     * Copies a tokenizer.json without its own truncation and padding: lengths are this project's business
     * (truncation strategies, dynamic padding), and a file that pads everything to 128 would silently undo that.
     */
    public static void writeWithoutLengthRules(Path source, Path target) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(source.toFile());
        root.putNull("truncation");
        root.putNull("padding");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Json.prettyWriter().writeValue(target.toFile(), root);
    }

    private static ObjectNode template(int clsId, int sepId) {
        ObjectNode processor = NODES.objectNode();
        processor.put("type", "TemplateProcessing");
        ArrayNode single = processor.putArray("single");
        single.add(special("[CLS]", 0));
        single.add(sequence("A", 0));
        single.add(special("[SEP]", 0));
        ArrayNode pair = processor.putArray("pair");
        pair.add(special("[CLS]", 0));
        pair.add(sequence("A", 0));
        pair.add(special("[SEP]", 0));
        pair.add(sequence("B", 1));
        pair.add(special("[SEP]", 1));
        ObjectNode specials = processor.putObject("special_tokens");
        specials.set("[CLS]", specialEntry("[CLS]", clsId));
        specials.set("[SEP]", specialEntry("[SEP]", sepId));
        return processor;
    }

    private static ObjectNode special(String id, int typeId) {
        ObjectNode node = NODES.objectNode();
        node.putObject("SpecialToken").put("id", id).put("type_id", typeId);
        return node;
    }

    private static ObjectNode sequence(String id, int typeId) {
        ObjectNode node = NODES.objectNode();
        node.putObject("Sequence").put("id", id).put("type_id", typeId);
        return node;
    }

    private static ObjectNode specialEntry(String token, int id) {
        ObjectNode node = NODES.objectNode();
        node.put("id", token);
        node.putArray("ids").add(id);
        node.putArray("tokens").add(token);
        return node;
    }
}
