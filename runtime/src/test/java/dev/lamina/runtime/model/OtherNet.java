package dev.lamina.runtime.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import dev.lamina.runtime.blocks.NamedSequentialBlock;

/** A second stand-in Net, for loading a directory into the wrong model class. */
public final class OtherNet {
    private OtherNet() {}

    /** The handle a generated Net holds in its {@code NET} constant. */
    public static final dev.lamina.runtime.LaminaNet NET = new StandInNet("Other", OtherNet.class, OtherNet::newBlock,
            OtherNet.inputShape(), new Shape(1, 3));

    public static Block newBlock() {
        return new NamedSequentialBlock().add("flat", Blocks.batchFlattenBlock())
                .add("logits", Linear.builder().setUnits(3).build());
    }

    public static Shape inputShape() {
        return new Shape(1, 1, 8, 8);
    }

    public static String modelName() {
        return "Other";
    }
}
