package dev.bertlab.engine.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hugging Face parameter names of {@code BertForSequenceClassification} / {@code BertForMaskedLM}, the names
 * every weight reader here produces and the model code consumes. Lets a reader check that a checkpoint is complete.
 */
public final class BertParameterNames {

    private static final Pattern LAYER = Pattern.compile("^bert\\.encoder\\.layer\\.(\\d+)\\.");

    private static final List<String> LAYER_PARAMETERS = List.of(
            "attention.self.query.weight", "attention.self.query.bias",
            "attention.self.key.weight", "attention.self.key.bias",
            "attention.self.value.weight", "attention.self.value.bias",
            "attention.output.dense.weight", "attention.output.dense.bias",
            "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias",
            "intermediate.dense.weight", "intermediate.dense.bias",
            "output.dense.weight", "output.dense.bias",
            "output.LayerNorm.weight", "output.LayerNorm.bias");

    private BertParameterNames() {
    }

    /** The five embedding parameters. */
    public static List<String> embeddings() {
        return List.of("bert.embeddings.word_embeddings.weight", "bert.embeddings.position_embeddings.weight",
                "bert.embeddings.token_type_embeddings.weight", "bert.embeddings.LayerNorm.weight",
                "bert.embeddings.LayerNorm.bias");
    }

    /** The 16 parameters of transformer layer {@code index}. */
    public static List<String> layer(int index) {
        List<String> names = new ArrayList<>(LAYER_PARAMETERS.size());
        for (String parameter : LAYER_PARAMETERS) {
            names.add("bert.encoder.layer." + index + "." + parameter);
        }
        return names;
    }

    /** Embeddings and {@code layerCount} layers: what every BERT encoder has, pooler or not. */
    public static List<String> encoder(int layerCount) {
        List<String> names = new ArrayList<>(embeddings());
        for (int i = 0; i < layerCount; i++) {
            names.addAll(layer(i));
        }
        return names;
    }

    /** The tanh pooler on [CLS]. */
    public static List<String> pooler() {
        return List.of("bert.pooler.dense.weight", "bert.pooler.dense.bias");
    }

    /** The masked-LM head; its decoder matrix is tied to the word embeddings, so only its bias is separate. */
    public static List<String> maskedLmHead() {
        return List.of("cls.predictions.transform.dense.weight", "cls.predictions.transform.dense.bias",
                "cls.predictions.transform.LayerNorm.weight", "cls.predictions.transform.LayerNorm.bias",
                "cls.predictions.bias");
    }

    /** The sequence-classification head on the pooled output. */
    public static List<String> classifier() {
        return List.of("classifier.weight", "classifier.bias");
    }

    /** How many transformer layers the names cover: one more than the highest layer index, 0 if none. */
    public static int layerCount(Set<String> names) {
        int highest = -1;
        for (String name : names) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest + 1;
    }

    /** Whether {@code name} is one of the parameters listed here (for any layer index). */
    public static boolean isKnown(String name) {
        Matcher m = LAYER.matcher(name);
        if (m.find()) {
            return LAYER_PARAMETERS.contains(name.substring(m.end()));
        }
        return embeddings().contains(name) || pooler().contains(name) || maskedLmHead().contains(name)
                || classifier().contains(name);
    }

    /**
     * What a set of parameter names lacks to be a complete model: the embeddings and every layer up to the highest
     * index present, and each head (pooler, masked-LM head, classifier) that is partly present. Sorted; empty when
     * complete.
     */
    public static Set<String> missing(Set<String> names) {
        Set<String> missing = new TreeSet<>(encoder(layerCount(names)));
        for (List<String> head : List.of(pooler(), maskedLmHead(), classifier())) {
            if (head.stream().anyMatch(names::contains)) {
                missing.addAll(head);
            }
        }
        missing.removeAll(names);
        return missing;
    }
}
