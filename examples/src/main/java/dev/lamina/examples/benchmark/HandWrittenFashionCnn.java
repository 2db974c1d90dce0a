package dev.lamina.examples.benchmark;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * {@code FashionCnn} of the DSL guide written by hand with DJL blocks, the baseline the generated
 * {@code FashionCnnNet} is measured against: conv 3x3 SAME (32, 32, 64) each with batch norm
 * (momentum 0.9, epsilon 1e-5) and ReLU, a 2x2 max pool after the second conv, global average
 * pooling, dense 128 + ReLU, dropout 0.5, dense 10.
 */
public final class HandWrittenFashionCnn {
    private HandWrittenFashionCnn() {
    }

    /** A fresh, uninitialized block. */
    public static Block newBlock() {
        return new SequentialBlock()
                .add(conv(32)).add(batchNorm()).add(Activation.reluBlock())
                .add(conv(32)).add(batchNorm()).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(64)).add(batchNorm()).add(Activation.reluBlock())
                .add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(128).build()).add(Activation.reluBlock())
                .add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(10).build());
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1)).build();
    }

    private static Block batchNorm() {
        return BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
    }
}
