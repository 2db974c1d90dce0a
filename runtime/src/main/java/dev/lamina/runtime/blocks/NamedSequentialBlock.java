package dev.lamina.runtime.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Locale;

/**
 * A sequential block whose children carry the names the model gave them (the Lamina field
 * names), so DJL parameter names read {@code 01conv1_weight}, {@code 02conv1_bn_gamma}, ...
 * rather than {@code 01Conv2d_weight}. Children run in the order they were added; the training
 * flag is passed to each of them.
 */
public class NamedSequentialBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    /** An empty block; add children with {@link #add(String, Block)}. */
    public NamedSequentialBlock() {
        super(VERSION);
    }

    /**
     * The key DJL gives the child {@code name} added at the 0-based {@code position} of a block
     * (its 1-based position in two digits, then the name: {@code 01conv1}); parameter names are the
     * keys on the path to a block, then the parameter's, joined by {@code _}.
     */
    public static String childKey(int position, String name) {
        return String.format(Locale.ROOT, "%02d%s", position + 1, name);
    }

    /**
     * Appends a child block.
     *
     * @param name the child's name (DJL prefixes it with its 1-based position, e.g. {@code 01conv1})
     * @param block the child
     * @return this block, for chaining
     */
    public NamedSequentialBlock add(String name, Block block) {
        addChildBlock(name, block);
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList current = inputs;
        for (Block child : children.values()) {
            current = child.forward(parameterStore, current, training, params);
        }
        return current;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : children.values()) {
            child.initialize(manager, dataType, shapes);
            shapes = child.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : children.values()) {
            shapes = child.getOutputShapes(shapes);
        }
        return shapes;
    }
}
