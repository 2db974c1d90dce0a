package dev.lamina.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime blocks on the real PyTorch engine. */
class BlocksTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray run(Block block, NDArray x, boolean training) {
        block.initialize(manager, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(x), training)
                .singletonOrThrow();
    }

    @Test
    void spatialDropoutZeroesWholeChannelsWhileTraining() {
        NDArray x = manager.ones(new Shape(4, 64, 5, 5));
        float[] out = run(new SpatialDropoutBlock(0.5f), x, true).toFloatArray();
        int dropped = 0;
        for (int channel = 0; channel < 4 * 64; channel++) {
            float first = out[channel * 25];
            for (int i = 1; i < 25; i++) {
                assertEquals(first, out[channel * 25 + i], "channel " + channel + " is not uniform");
            }
            assertTrue(first == 0f || first == 2f, "kept channels are scaled by 1/(1-rate): " + first);
            dropped += first == 0f ? 1 : 0;
        }
        assertTrue(dropped > 40 && dropped < 216, "about half the channels dropped: " + dropped);
    }

    @Test
    void spatialDropoutIsIdentityAtInference() {
        NDArray x = manager.randomNormal(new Shape(2, 3, 4, 4));
        assertArrayEquals(x.toFloatArray(), run(new SpatialDropoutBlock(0.9f), x, false).toFloatArray());
    }

    @Test
    void namedSequentialNamesParametersAfterTheFields() {
        NamedSequentialBlock block = new NamedSequentialBlock()
                .add("conv1", Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                .add("conv1_relu", Activation.reluBlock())
                .add("fc", Linear.builder().setUnits(3).build());
        NDArray out = run(block, manager.ones(new Shape(1, 1, 5, 5)), false);
        assertEquals(new Shape(1, 2, 3, 3), out.getShape());
        assertEquals(List.of("01conv1_weight", "01conv1_bias", "03fc_weight", "03fc_bias"),
                block.getParameters().keys());
        assertEquals(new Shape(1, 2, 3, 3), block.getOutputShapes(new Shape[] {new Shape(1, 1, 5, 5)})[0]);
    }

    @Test
    void residualAddsInputToMainPath() {
        ResidualBlock identitySkip = new ResidualBlock(Activation.reluBlock(), null);
        NDArray x = manager.create(new float[] {-1f, 2f}).reshape(1, 2);
        assertArrayEquals(new float[] {-1f, 4f}, run(identitySkip, x, false).toFloatArray());
    }

    @Test
    void residualUsesProjectionOnSkipPath() {
        Block main = Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(4).build();
        Block projection = Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(4).optBias(false).build();
        ResidualBlock block = new ResidualBlock(main, projection);
        NDArray out = run(block, manager.ones(new Shape(2, 3, 5, 5)), true);
        assertEquals(new Shape(2, 4, 5, 5), out.getShape());
        assertEquals(List.of("01main_weight", "01main_bias", "02projection_weight"),
                block.getParameters().keys());
    }
}
