package dev.lamina.runtime.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.lamina.runtime.blocks.NamedSequentialBlock;

/**
 * Stands in for a processor-generated Net (same static methods, same block classes). {@link
 * #filters} plays the part of editing the model class after training.
 */
public final class TinyNet {
    /** The conv layer's filters; a test changes it to simulate an edited model class. */
    static int filters = 4;

    private TinyNet() {}

    /** The handle a generated Net holds in its {@code NET} constant. */
    public static final dev.lamina.runtime.LaminaNet NET = new StandInNet("Tiny", TinyNet.class, TinyNet::newBlock,
            TinyNet.inputShape(), new Shape(1, 3));

    public static Block newBlock() {
        return new NamedSequentialBlock()
                .add("conv", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(filters).build())
                .add("bn", BatchNorm.builder().build())
                .add("relu", Activation.reluBlock())
                .add("pool", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false))
                .add("flat", Blocks.batchFlattenBlock())
                .add("logits", Linear.builder().setUnits(3).build());
    }

    public static Shape inputShape() {
        return new Shape(1, 1, 8, 8);
    }

    public static String modelName() {
        return "Tiny";
    }
}
