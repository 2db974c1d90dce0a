package dev.lamina.examples.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
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
                        CcDownNet.outputShape(), CcDownNet.totalParameterCount()),
                new Net(CcKindsNet.modelName(), CcKindsNet::newBlock, CcKindsNet.inputShape(),
                        CcKindsNet.outputShape(), CcKindsNet.totalParameterCount()),
                globalMax(), depthwise(), layerNorm())
                .map(Arguments::of);
    }

    private static Net depthwise() {
        return new Net(CcDepthwiseNet.modelName(), CcDepthwiseNet::newBlock, CcDepthwiseNet.inputShape(),
                CcDepthwiseNet.outputShape(), CcDepthwiseNet.totalParameterCount());
    }

    private static Net globalMax() {
        return new Net(CcGlobalMaxNet.modelName(), CcGlobalMaxNet::newBlock, CcGlobalMaxNet.inputShape(),
                CcGlobalMaxNet.outputShape(), CcGlobalMaxNet.totalParameterCount());
    }

    private static Net layerNorm() {
        return new Net(CcLayerNormNet.modelName(), CcLayerNormNet::newBlock, CcLayerNormNet.inputShape(),
                CcLayerNormNet.outputShape(), CcLayerNormNet.totalParameterCount());
    }

    /** The models of the newest layer kinds, which must also learn on DJL, not only forward. */
    static Stream<Arguments> newKinds() {
        return Stream.of(globalMax(), depthwise(), layerNorm()).map(Arguments::of);
    }

    /**
     * 40 Adam steps on one fixed random batch of 8 (labels 0..7 modulo the classes) at least halve
     * the softmax cross-entropy: gradients flow through every layer kind of the model.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("newKinds")
    void trainsOnDjl(Net net) {
        Engine.getInstance().setRandomSeed(7);
        try (Model model = Model.newInstance(net.name(), Device.cpu())) {
            model.setBlock(net.newBlock().get());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                Shape batch = withBatch(net.input(), 8);
                trainer.initialize(batch);
                NDManager manager = trainer.getManager();
                NDArray x = manager.randomUniform(0f, 1f, batch);
                NDArray y = manager.arange(0f, 8f).mod(net.output().get(1));
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < 40; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                        collector.backward(loss);
                        last = loss.getFloat();
                        first = step == 0 ? last : first;
                    }
                    trainer.step();
                }
                assertTrue(last < first / 2, net.name() + ": loss " + first + " -> " + last + " after 40 steps");
            }
        }
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
