package dev.lamina.runtime.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A residual connection: {@code output = main(x) + skip(x)}, where {@code skip} is the identity
 * or, when the main path changes the shape, a projection block (Lamina generates a 1x1
 * convolution and a batch norm). Children are named {@code main} and {@code projection}.
 */
public class ResidualBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    /** The main path's child name. */
    public static final String MAIN = "main";
    /** The projection's child name. */
    public static final String PROJECTION = "projection";

    private final Block main;
    private final Block projection;

    /**
     * @param main the main path
     * @param projection the skip path, or {@code null} for the identity
     */
    public ResidualBlock(Block main, Block projection) {
        super(VERSION);
        this.main = addChildBlock(MAIN, main);
        this.projection = projection == null ? null : addChildBlock(PROJECTION, projection);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray out = main.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray skip = projection == null
                ? inputs.singletonOrThrow()
                : projection.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(out.add(skip));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        if (projection != null) {
            projection.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }
}
