package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BertParameterNamesTest {

    @Test
    void bertBaseWithBothHeadsHas204Parameters() {
        Set<String> names = new HashSet<>(BertParameterNames.encoder(12));
        names.addAll(BertParameterNames.pooler());
        names.addAll(BertParameterNames.maskedLmHead());
        assertThat(names).hasSize(204);
        assertThat(BertParameterNames.layerCount(names)).isEqualTo(12);
        assertThat(BertParameterNames.missing(names)).isEmpty();
        assertThat(names).allMatch(BertParameterNames::isKnown);
    }

    @Test
    void missingListsGapsInLayersAndPartlyPresentHeads() {
        Set<String> names = new HashSet<>(BertParameterNames.encoder(3));
        names.removeAll(BertParameterNames.layer(1));
        names.add("classifier.weight");
        assertThat(BertParameterNames.missing(names)).containsAll(BertParameterNames.layer(1))
                .contains("classifier.bias").doesNotContain("bert.pooler.dense.weight")
                .hasSize(17);
    }

    @Test
    void unknownNamesAreNotKnown() {
        assertThat(BertParameterNames.isKnown("bert.encoder.layer.3.attention.self.query.kernel")).isFalse();
        assertThat(BertParameterNames.isKnown("bert.embeddings.position_ids")).isFalse();
        assertThat(BertParameterNames.isKnown("bert.encoder.layer.x.output.dense.bias")).isFalse();
    }
}
