package dev.lamina.runtime.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.lamina.runtime.data.LabeledImages;
import java.util.Random;
import java.util.function.Function;

/**
 * Small synthetic data and hand-built DJL blocks for runtime tests: 8x8 grey images whose left
 * half is bright (class 0) or whose right half is bright (class 1), plus noise, so a few steps
 * must beat chance.
 */
public final class Fixtures {

    /** The input shape of {@link #smallCnn}, with a batch dimension. */
    public static final Shape INPUT = new Shape(1, 1, 8, 8);

    private Fixtures() {}

    /** {@code n} examples of the bright-left / bright-right task. */
    public static LabeledImages leftRight(String name, int n, long seed) {
        Random random = new Random(seed);
        float[] images = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(2);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean bright = labels[i] == 0 ? x < 4 : x >= 4;
                    images[i * 64 + y * 8 + x] = (bright ? 0.7f : 0.2f) + 0.3f * (float) random.nextGaussian();
                }
            }
        }
        return new LabeledImages(name, 1, 8, 8, 2, images, labels);
    }

    /** Conv(4, 3x3) - ReLU - flatten - Dense(classes). */
    public static SequentialBlock smallCnn(int classes) {
        return new SequentialBlock()
                .add(Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** {@link #smallCnn} followed by a step that rewrites the logits. */
    public static Block smallCnnThen(Function<NDList, NDList> last) {
        return smallCnn(2).add(new LambdaBlock(last));
    }

    /** A config for fast CPU tests: silent, seed 7, batch 32. */
    public static TrainingConfig.Builder quick() {
        return TrainingConfig.builder().epochs(2).batchSize(32).learningRate(0.01f).seed(7)
                .schedule(LearningRateSchedule.constant())
                .device(dev.lamina.runtime.device.DeviceChoice.cpu()).terminal(false);
    }
}
