package dev.bertlab.engine.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import dev.bertlab.engine.weights.NamedTensor;
import java.util.Map;

/**
 * A {@link BertModel} with its parameters allocated on a device inside a DJL {@link Model} that owns their
 * native memory: close it to free them.
 */
public final class LoadedBert implements AutoCloseable {

    private final Model model;
    private final BertModel network;
    private final WeightLoadReport loadReport;

    private LoadedBert(Model model, BertModel network, WeightLoadReport loadReport) {
        this.model = model;
        this.network = network;
        this.loadReport = loadReport;
    }

    /**
     * Initialises the network from {@code seed} (so the randomly initialised head is reproducible), then copies
     * in every pretrained tensor it has a place for.
     */
    public static LoadedBert create(BertConfig config, TaskHead head, DropoutRates dropout, Device device,
            Map<String, NamedTensor> weights, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        dev.bertlab.engine.LibTorchMatmul.ensureChosen(device.isGpu());
        Model model = Model.newInstance("bert", device, "PyTorch");
        try {
            BertModel network = new BertModel(config, head, dropout);
            model.setBlock(network);
            network.initialize(model.getNDManager());
            WeightLoadReport report = BertWeights.apply(network, weights);
            return new LoadedBert(model, network, report);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public Model model() {
        return model;
    }

    public BertModel network() {
        return network;
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    public WeightLoadReport loadReport() {
        return loadReport;
    }

    @Override
    public void close() {
        model.close();
    }
}
