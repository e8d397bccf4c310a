package dev.bertlab.engine.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.tokenize.Vocabulary;
import dev.bertlab.engine.tokenize.WordPieceTokenizerJson;
import dev.bertlab.engine.weights.HuggingFaceCheckpoint;
import dev.bertlab.engine.weights.NamedTensor;
import dev.bertlab.engine.weights.SafetensorsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model directory in Hugging Face's layout, which transformers loads with
 * {@code AutoModelForSequenceClassification.from_pretrained(dir)}: {@code config.json},
 * {@code model.safetensors}, {@code tokenizer.json}, {@code vocab.txt}, {@code tokenizer_config.json} and
 * {@code special_tokens_map.json}. BertLab writes its fine-tuned models this way and reads any such directory back
 * as a base model or for prediction.
 */
public final class HuggingFaceModelDirectory {

    private HuggingFaceModelDirectory() {
    }

    /**
     * What a fine-tuned sequence classifier (or regressor) directory holds.
     *
     * @param config the architecture
     * @param dropout the dropout the model was trained with (written as the config's defaults)
     * @param weights every tensor by Hugging Face name ({@code bert.*}, {@code classifier.*})
     * @param labels class names in index order; empty for regression
     * @param tokenizerJson the tokenizer the model was trained with
     * @param lowercase whether that tokenizer lowercases
     * @param maxLength tokens per input the model was trained with
     * @param truncation which tokens of a longer input it was trained on
     */
    public record Export(BertConfig config, DropoutRates dropout, Map<String, NamedTensor> weights,
            List<String> labels, Path tokenizerJson, boolean lowercase, int maxLength, Truncation truncation) {

        /** A model trained on the head of its inputs. */
        public Export(BertConfig config, DropoutRates dropout, Map<String, NamedTensor> weights, List<String> labels,
                Path tokenizerJson, boolean lowercase, int maxLength) {
            this(config, dropout, weights, labels, tokenizerJson, lowercase, maxLength, Truncation.HEAD);
        }

        public boolean regression() {
            return labels.isEmpty();
        }
    }

    public static void write(Path directory, Export export) throws IOException {
        Files.createDirectories(directory);
        writeConfig(directory.resolve("config.json"), export);
        List<NamedTensor> tensors = export.weights().values().stream()
                .filter(t -> t.name().startsWith("bert.") || t.name().startsWith("classifier."))
                .toList();
        SafetensorsWriter.write(directory.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        Files.copy(export.tokenizerJson(), directory.resolve("tokenizer.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        writeVocab(Vocabulary.read(export.tokenizerJson()), directory.resolve("vocab.txt"));
        ObjectNode tokenizerConfig = Json.mapper().createObjectNode();
        tokenizerConfig.put("tokenizer_class", "BertTokenizer");
        tokenizerConfig.put("do_lower_case", export.lowercase());
        // transformers' pipelines truncate at model_max_length: the length the model was trained and evaluated at,
        // not the position table's 512, and from the side it was trained on (tail: "left"). Head+tail has no
        // equivalent there; it reads the head, and the run's config (copied beside) says how it was trained.
        tokenizerConfig.put("model_max_length", export.maxLength());
        truncationSide(export.truncation()).ifPresent(side -> tokenizerConfig.put("truncation_side", side));
        tokenizerConfig.put("clean_up_tokenization_spaces", true);
        tokenizerConfig.put("tokenize_chinese_chars", true);
        tokenizerConfig.putNull("strip_accents");
        specialTokens(tokenizerConfig);
        Json.prettyWriter().writeValue(directory.resolve("tokenizer_config.json").toFile(), tokenizerConfig);
        ObjectNode specialMap = Json.mapper().createObjectNode();
        specialTokens(specialMap);
        Json.prettyWriter().writeValue(directory.resolve("special_tokens_map.json").toFile(), specialMap);
    }

    /**
     * Reads a directory written by BertLab or by transformers ({@code BertModel}, {@code BertForMaskedLM},
     * {@code BertForSequenceClassification}).
     *
     * @param tokenizerCache where a cleaned copy of the tokenizer goes when the directory's own one pads or
     *     truncates, or only a vocab.txt exists
     */
    public static PretrainedBert read(Path directory, Path tokenizerCache) throws IOException {
        JsonNode config = Json.mapper().readTree(directory.resolve("config.json").toFile());
        String modelType = config.path("model_type").asText("bert");
        if (!modelType.equals("bert")) {
            throw new UnknownModelException(directory + " holds a '" + modelType + "' model; only BERT is supported");
        }
        BertConfig bert = new BertConfig(
                requiredInt(config, "vocab_size", directory), requiredInt(config, "hidden_size", directory),
                requiredInt(config, "num_hidden_layers", directory),
                requiredInt(config, "num_attention_heads", directory),
                requiredInt(config, "intermediate_size", directory),
                config.path("max_position_embeddings").asInt(512), config.path("type_vocab_size").asInt(2),
                (float) config.path("layer_norm_eps").asDouble(1e-12));
        String act = config.path("hidden_act").asText("gelu");
        if (!act.equals("gelu")) {
            throw new UnknownModelException(directory + " uses hidden_act '" + act + "'; only exact gelu is supported");
        }
        Path weightsFile = directory.resolve("model.safetensors");
        if (!Files.isRegularFile(weightsFile)) {
            throw new UnknownModelException(directory + " has no model.safetensors (pytorch_model.bin is not "
                    + "supported: save with safe_serialization=True)");
        }
        Map<String, NamedTensor> weights = HuggingFaceCheckpoint.loadWeights(weightsFile);
        List<String> labels = new ArrayList<>();
        boolean regression = "regression".equals(config.path("problem_type").asText());
        if (weights.containsKey("classifier.weight") && !regression) {
            TreeMap<Integer, String> byId = new TreeMap<>();
            config.path("id2label").fields().forEachRemaining(e -> byId.put(Integer.parseInt(e.getKey()),
                    e.getValue().asText()));
            long outputs = weights.get("classifier.weight").shape()[0];
            if (byId.size() != outputs) {
                byId.clear();
                for (int i = 0; i < outputs; i++) {
                    byId.put(i, "LABEL_" + i);
                }
            }
            labels.addAll(byId.values());
            regression = outputs == 1;
            if (regression) {
                labels.clear();
            }
        }
        TokenizerFiles tokenizer = tokenizer(directory, tokenizerCache);
        return new PretrainedBert(directory.toString(), bert, tokenizer.json(), tokenizer.lowercase(), weights,
                labels, regression, config.path("bertlab_max_length").asInt(bert.maxPositions()));
    }

    private record TokenizerFiles(Path json, boolean lowercase) {
    }

    private static TokenizerFiles tokenizer(Path directory, Path cache) throws IOException {
        Path config = directory.resolve("tokenizer_config.json");
        boolean lowercase = !Files.isRegularFile(config)
                || Json.mapper().readTree(config.toFile()).path("do_lower_case").asBoolean(true);
        Path json = directory.resolve("tokenizer.json");
        String key = cacheKey(directory) + ".json";
        if (Files.isRegularFile(json)) {
            JsonNode root = Json.mapper().readTree(json.toFile());
            lowercase = root.path("normalizer").path("lowercase").asBoolean(lowercase);
            if (root.path("truncation").isNull() && root.path("padding").isNull()) {
                return new TokenizerFiles(json, lowercase);
            }
            Path cleaned = cache.resolve(key);
            WordPieceTokenizerJson.writeWithoutLengthRules(json, cleaned);
            return new TokenizerFiles(cleaned, lowercase);
        }
        Path vocab = directory.resolve("vocab.txt");
        if (!Files.isRegularFile(vocab)) {
            throw new UnknownModelException(directory + " has neither tokenizer.json nor vocab.txt");
        }
        Path generated = cache.resolve(key);
        WordPieceTokenizerJson.write(vocab, lowercase, generated);
        return new TokenizerFiles(generated, lowercase);
    }

    private static String cacheKey(Path directory) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(directory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeConfig(Path file, Export export) throws IOException {
        BertConfig c = export.config();
        ObjectNode root = Json.mapper().createObjectNode();
        root.putArray("architectures").add("BertForSequenceClassification");
        root.put("model_type", "bert");
        root.put("vocab_size", c.vocabSize());
        root.put("hidden_size", c.hiddenSize());
        root.put("num_hidden_layers", c.numLayers());
        root.put("num_attention_heads", c.numHeads());
        root.put("intermediate_size", c.intermediateSize());
        root.put("hidden_act", "gelu");
        root.put("hidden_dropout_prob", export.dropout().hidden());
        root.put("attention_probs_dropout_prob", export.dropout().attention());
        root.put("classifier_dropout", export.dropout().classifier());
        root.put("max_position_embeddings", c.maxPositions());
        root.put("type_vocab_size", c.typeVocabSize());
        root.put("initializer_range", 0.02);
        root.put("layer_norm_eps", c.layerNormEps());
        root.put("pad_token_id", 0);
        root.put("position_embedding_type", "absolute");
        root.put("torch_dtype", "float32");
        ObjectNode id2label = root.putObject("id2label");
        ObjectNode label2id = root.putObject("label2id");
        if (export.regression()) {
            root.put("num_labels", 1);
            id2label.put("0", "LABEL_0");
            label2id.put("LABEL_0", 0);
            root.put("problem_type", "regression");
        } else {
            for (int i = 0; i < export.labels().size(); i++) {
                id2label.put(Integer.toString(i), export.labels().get(i));
                label2id.put(export.labels().get(i), i);
            }
            root.put("problem_type", "single_label_classification");
        }
        root.put("bertlab_max_length", export.maxLength());
        root.put("bertlab_truncation", export.truncation().toString());
        Json.prettyWriter().writeValue(file.toFile(), root);
    }

    /** Hugging Face's {@code truncation_side} for a truncation rule, where one means the same. */
    static java.util.Optional<String> truncationSide(Truncation truncation) {
        return switch (truncation.strategy()) {
            case HEAD -> java.util.Optional.of("right");
            case TAIL -> java.util.Optional.of("left");
            case HEAD_TAIL -> java.util.Optional.empty();
        };
    }

    private static void writeVocab(Vocabulary vocabulary, Path file) throws IOException {
        List<String> lines = new ArrayList<>(vocabulary.size());
        for (int id = 0; id < vocabulary.size(); id++) {
            lines.add(vocabulary.token(id));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void specialTokens(ObjectNode node) {
        node.put("unk_token", "[UNK]");
        node.put("sep_token", "[SEP]");
        node.put("pad_token", "[PAD]");
        node.put("cls_token", "[CLS]");
        node.put("mask_token", "[MASK]");
    }

    private static int requiredInt(JsonNode config, String field, Path directory) {
        JsonNode value = config.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new UnknownModelException(directory.resolve("config.json") + " lacks the integer field " + field);
        }
        return value.asInt();
    }
}
