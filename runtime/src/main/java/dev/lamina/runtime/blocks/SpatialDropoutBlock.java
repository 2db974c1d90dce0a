package dev.lamina.runtime.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Channel-wise ("spatial") dropout for {@code (N, C, H, W)} inputs: while training, each whole
 * channel of each example is zeroed with probability {@code rate} and the kept channels are
 * scaled by {@code 1 / (1 - rate)}; at inference the block is the identity. DJL has no such
 * block, and its {@code LambdaBlock} ignores the training flag, so it would drop at inference.
 */
public class SpatialDropoutBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float rate;

    /**
     * @param rate probability of dropping a channel, in [0, 1)
     * @throws IllegalArgumentException if the rate is outside [0, 1)
     */
    public SpatialDropoutBlock(float rate) {
        super(VERSION);
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("spatial dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    /** Probability of dropping a channel. */
    public float rate() {
        return rate;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training || rate == 0f) {
            return inputs;
        }
        Shape shape = x.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(
                    "spatial dropout needs an (N, C, H, W) input, got " + shape);
        }
        Shape maskShape = new Shape(shape.get(0), shape.get(1), 1, 1);
        NDArray keep = x.getManager()
                .randomUniform(0f, 1f, maskShape, x.getDataType(), x.getDevice())
                .gte(rate)
                .toType(x.getDataType(), false)
                .div(1f - rate);
        return new NDList(x.mul(keep));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
