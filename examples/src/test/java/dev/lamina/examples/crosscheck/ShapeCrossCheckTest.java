package dev.lamina.examples.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compile-time shapes and parameter counts of generated Nets equal what DJL computes on the
 * real engine: output shape of a forward pass (training and inference) with a batch of 2, and
 * the number of parameter values after initialization (DJL counts batch-norm running mean and
 * variance as parameters, so it is compared with {@code totalParameterCount()}).
 * Add every model of the examples to {@link #nets()}.
 */
class ShapeCrossCheckTest {

    /** What a generated Net states at compile time. */
    record Net(String name, Supplier<Block> newBlock, Shape input, Shape output, long totalParams) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> nets() {
        return Stream.of(
                new Net(CcConvNet.modelName(), CcConvNet::newBlock, CcConvNet.inputShape(),
                        CcConvNet.outputShape(), CcConvNet.totalParameterCount()),
                new Net(CcStridesNet.modelName(), CcStridesNet::newBlock, CcStridesNet.inputShape(),
                        CcStridesNet.outputShape(), CcStridesNet.totalParameterCount()),
                new Net(CcResidualNet.modelName(), CcResidualNet::newBlock, CcResidualNet.inputShape(),
                        CcResidualNet.outputShape(), CcResidualNet.totalParameterCount()),
                new Net(CcMlpNet.modelName(), CcMlpNet::newBlock, CcMlpNet.inputShape(),
                        CcMlpNet.outputShape(), CcMlpNet.totalParameterCount()),
                new Net(CcDownNet.modelName(), CcDownNet::newBlock, CcDownNet.inputShape(),
                        CcDownNet.outputShape(), CcDownNet.totalParameterCount()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void compileTimeShapesAndCountsMatchDjl(Net net) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = net.newBlock().get();
            block.initialize(manager, DataType.FLOAT32, net.input());
            long djlParams = 0;
            for (Parameter parameter : block.getParameters().values()) {
                djlParams += parameter.getArray().size();
            }
            assertEquals(net.totalParams(), djlParams, "parameter count of " + net.name());

            Shape batchOfTwo = withBatch(net.input(), 2);
            Shape expected = withBatch(net.output(), 2);
            assertEquals(expected, block.getOutputShapes(new Shape[] {batchOfTwo})[0], "DJL's declared output");
            NDArray x = manager.randomUniform(0f, 1f, batchOfTwo);
            for (boolean training : new boolean[] {true, false}) {
                NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), training)
                        .singletonOrThrow();
                assertEquals(expected, y.getShape(), "forward output, training=" + training);
            }
        }
    }

    private static Shape withBatch(Shape shape, long batch) {
        return new Shape(batch).addAll(shape.slice(1));
    }
}
