package dev.bertlab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant that is safe on the gradient path.
 *
 * <p>DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code add(Number)} and {@code sub(Number)} make the
 * constant a tensor over a Java direct buffer that PyTorch wraps without copying, and close it right after the
 * operation. Autograd keeps that tensor for the backward pass; once the garbage collector frees the buffer, backward
 * reads whatever memory took its place: wrong gradients, and NaN or infinite ones when the garbage is extreme (runs
 * that diverged at random, more often in busy JVMs). Here the constant is a 0-d tensor that PyTorch allocates and
 * owns, attached to the operand's manager, so it lives as long as the step that uses it. Model and loss code must
 * use these instead of DJL's scalar overloads; {@code GradientPathArchitectureTest} keeps it so.
 */
public final class OwnedScalar {

    private OwnedScalar() {
    }

    /** A 0-d tensor holding {@code value} in {@code like}'s data type and device, owned by PyTorch. */
    public static NDArray like(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    public static NDArray times(NDArray array, float factor) {
        return array.mul(like(array, factor));
    }

    public static NDArray dividedBy(NDArray array, float divisor) {
        return array.div(like(array, divisor));
    }

    public static NDArray minus(NDArray array, float subtrahend) {
        return array.sub(like(array, subtrahend));
    }
}
