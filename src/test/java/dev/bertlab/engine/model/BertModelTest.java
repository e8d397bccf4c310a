package dev.bertlab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BertModelTest {

    private static final BertConfig TINY = BertConfig.tiny(100);

    @BeforeAll
    static void engine() {
        Engine.getInstance().setRandomSeed(7);
    }

    @Test
    void classifierReturnsOneRowOfLogitsPerText() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BertModel model = new BertModel(TINY, TaskHead.classification(3), DropoutRates.BERT_DEFAULT);
            model.initialize(manager);
            NDList out = model.forward(new ParameterStore(manager, false), inputs(manager, new long[][] {
                    {2, 10, 11, 12, 3}, {2, 13, 3, 0, 0}}, new long[] {5, 3}), false);
            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 3));
        }
    }

    @Test
    void maskedLmAndEncoderHeadsHaveTheirShapes() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BertModel mlm = new BertModel(TINY, TaskHead.maskedLm(), DropoutRates.NONE);
            mlm.initialize(manager);
            NDList in = inputs(manager, new long[][] {{2, 10, 11, 3}}, new long[] {4});
            assertThat(mlm.forward(new ParameterStore(manager, false), in, false).singletonOrThrow().getShape())
                    .isEqualTo(new Shape(1, 4, 100));
            BertModel encoder = new BertModel(TINY, TaskHead.encoder(), DropoutRates.NONE);
            encoder.initialize(manager);
            assertThat(encoder.forward(new ParameterStore(manager, false), in, false).singletonOrThrow().getShape())
                    .isEqualTo(new Shape(1, 4, 32));
        }
    }

    @Test
    void paddingDoesNotChangeTheLogits() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BertModel model = new BertModel(TINY, TaskHead.classification(2), DropoutRates.BERT_DEFAULT);
            model.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            float[] tight = model.forward(store, inputs(manager, new long[][] {{2, 10, 11, 12, 3}},
                    new long[] {5}), false).singletonOrThrow().toFloatArray();
            float[] padded = model.forward(store, inputs(manager, new long[][] {{2, 10, 11, 12, 3, 0, 0, 0, 0, 0}},
                    new long[] {5}), false).singletonOrThrow().toFloatArray();
            for (int i = 0; i < tight.length; i++) {
                assertThat(padded[i]).isCloseTo(tight[i], within(1e-6f));
            }
        }
    }

    @Test
    void everyParameterReceivesAGradient() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BertModel model = new BertModel(TINY, TaskHead.classification(2), DropoutRates.BERT_DEFAULT);
            model.initialize(manager);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(new ParameterStore(manager, false), inputs(manager,
                        new long[][] {{2, 10, 11, 12, 3}, {2, 14, 1, 3, 0}}, new long[] {5, 4}), true)
                        .singletonOrThrow();
                collector.backward(logits.logSoftmax(-1).get(":, 0").sum().neg());
            }
            for (var entry : model.namedParameters().entrySet()) {
                Parameter parameter = entry.getValue();
                if (entry.getKey().equals("bert.embeddings.token_type_embeddings.weight")) {
                    continue; // only segment 0 is used, row 1 rightly gets nothing; row 0 is checked below
                }
                assertThat(parameter.getArray().getGradient().abs().sum().getFloat())
                        .as(entry.getKey()).isGreaterThan(0f);
            }
            assertThat(model.namedParameters().get("bert.embeddings.token_type_embeddings.weight").getArray()
                    .getGradient().get(0).abs().sum().getFloat()).isGreaterThan(0f);
        }
    }

    @Test
    void fp16ComputeStaysCloseToFloat32() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BertModel model = new BertModel(TINY, TaskHead.classification(2), DropoutRates.NONE);
            model.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            NDList in = inputs(manager, new long[][] {{2, 10, 11, 12, 3}}, new long[] {5});
            float[] full = model.forward(store, in, false).singletonOrThrow().toFloatArray();
            model.setPrecision(ComputePrecision.FP16);
            float[] reduced = model.forward(store, in, false).singletonOrThrow().toFloatArray();
            for (int i = 0; i < full.length; i++) {
                assertThat(reduced[i]).isCloseTo(full[i], within(0.01f));
            }
        }
    }

    static NDList inputs(NDManager manager, long[][] ids, long[] lengths) {
        int batch = ids.length;
        int length = ids[0].length;
        long[] flat = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < length; i++) {
                flat[b * length + i] = ids[b][i];
                mask[b * length + i] = i < lengths[b] ? 1 : 0;
            }
        }
        Shape shape = new Shape(batch, length);
        return new NDList(manager.create(flat, shape), manager.create(mask, shape), manager.zeros(shape,
                ai.djl.ndarray.types.DataType.INT64));
    }
}
