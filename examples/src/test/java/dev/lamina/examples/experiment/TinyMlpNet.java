package dev.lamina.examples.experiment;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * A hand-written stand-in with the static API of a generated Net (flatten + dense 32 + dense 10), so the
 * experiment's machinery is tested independently of the processor.
 */
public final class TinyMlpNet {
    private TinyMlpNet() {
    }

    public static Block newBlock() {
        return new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(32).build())
                .add(Linear.builder().setUnits(10).build());
    }

    public static Shape inputShape() {
        return new Shape(1, 1, 28, 28);
    }

    public static Shape outputShape() {
        return new Shape(1, 10);
    }

    public static long parameterCount() {
        return 784 * 32 + 32 + 32 * 10 + 10;
    }

    public static String modelName() {
        return "TinyMlp";
    }

    public static String summary() {
        return "TinyMlp\nTotal params: 25,450";
    }
}
