package dev.bertlab.engine.train;

/**
 * fp16 dynamic loss scaling, as PyTorch's {@code GradScaler} does it: the loss is multiplied by a large scale before
 * the backward pass so that small gradients survive in fp16, and the gradients are divided by it again. A step whose
 * gradients overflow (while its loss is finite) is skipped and the scale halved (never below 1); after
 * {@value #GROWTH_INTERVAL} finite steps in a row the scale doubles. In fp32 the scale stays 1 and nothing is ever
 * skipped. The scale and the count live in {@link TrainerState}, so that a resume continues them.
 */
final class LossScaler {

    static final double INITIAL_SCALE = 65536.0;
    static final int GROWTH_INTERVAL = 2000;

    private final TrainerState state;
    private final boolean dynamic;

    private LossScaler(TrainerState state, boolean dynamic) {
        this.state = state;
        this.dynamic = dynamic;
    }

    /**
     * Scaling for an fp16 run.
     *
     * @param fresh the run starts at its first step (the scale starts at {@value #INITIAL_SCALE}); a resumed run
     *     keeps its checkpoint's scale
     */
    static LossScaler dynamic(TrainerState state, boolean fresh) {
        if (fresh) {
            state.lossScale = INITIAL_SCALE;
        }
        return new LossScaler(state, true);
    }

    /** No scaling: an fp32 run. */
    static LossScaler none(TrainerState state) {
        state.lossScale = 1.0;
        return new LossScaler(state, false);
    }

    /** What the loss is multiplied by before the backward pass. */
    double scale() {
        return state.lossScale;
    }

    /**
     * Called when a step's gradients are not finite: answers whether that was an fp16 overflow, in which case the
     * scale has been halved and the step is to be taken again; otherwise (fp32, or a loss that is not finite
     * either) the run has diverged.
     */
    boolean overflowed(double loss) {
        if (!dynamic || !Double.isFinite(loss)) {
            return false;
        }
        state.lossScale = Math.max(1.0, state.lossScale / 2);
        state.stepsSinceScaleChange = 0;
        return true;
    }

    /** Called after each optimizer step with finite gradients. */
    void stepTaken() {
        if (dynamic && ++state.stepsSinceScaleChange >= GROWTH_INTERVAL) {
            state.lossScale *= 2;
            state.stepsSinceScaleChange = 0;
        }
    }
}
