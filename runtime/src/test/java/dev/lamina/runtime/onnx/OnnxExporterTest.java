package dev.lamina.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lamina.runtime.blocks.NamedSequentialBlock;
import dev.lamina.runtime.blocks.RandomParameters;
import dev.lamina.runtime.blocks.ResidualBlock;
import dev.lamina.runtime.blocks.SpatialDropoutBlock;
import dev.lamina.runtime.onnx.proto.OnnxProto.ModelProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.NodeProto;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every layer kind the exporter knows, run in ONNX Runtime against DJL on random batches. */
class OnnxExporterTest {

    @TempDir
    Path tmp;

    private static Block conv(int filters, int kernel, int stride, int pad, int dilation, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad)).optDilation(new Shape(dilation, dilation)).setFilters(filters)
                .optBias(bias).build();
    }

    /** Conv variants, batch norm, every activation, both pools with ceil mode and padding, residuals. */
    static Block everyKind() {
        Block block1 = new NamedSequentialBlock()
                .add("a", conv(6, 3, 1, 1, 1, false)).add("a_bn", BatchNorm.builder().optEpsilon(1e-3f).build())
                .add("a_act", Activation.leakyReluBlock(0.1f))
                .add("b", conv(6, 3, 1, 1, 1, false)).add("b_bn", BatchNorm.builder().build());
        Block down = new NamedSequentialBlock()
                .add("a", conv(8, 3, 2, 1, 1, true)).add("a_act", Activation.geluBlock())
                .add("b", conv(8, 3, 1, 2, 2, true));
        Block projection = new NamedSequentialBlock()
                .add("conv", conv(8, 1, 2, 0, 1, false)).add("bn", BatchNorm.builder().build());
        return new NamedSequentialBlock()
                .add("stem", conv(6, 5, 1, 2, 1, true))
                .add("stem_act", Activation.reluBlock())
                .add("drop", new SpatialDropoutBlock(0.2f))
                .add("res1", new ResidualBlock(block1, null))
                .add("res1_act", Activation.reluBlock())
                .add("res2", new ResidualBlock(down, projection))
                .add("pool", Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), true))
                .add("avg", Pool.avgPool2dBlock(new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), false, false))
                .add("tanh", Activation.tanhBlock())
                .add("gap", Pool.globalAvgPool2dBlock())
                .add("fc", Linear.builder().setUnits(12).build())
                .add("fc_bn", BatchNorm.builder().build())
                .add("sig", Activation.sigmoidBlock())
                .add("fc_drop", Dropout.builder().optRate(0.5f).build())
                .add("logits", Linear.builder().setUnits(5).optBias(false).build());
    }

    static Block flatHead() {
        return new NamedSequentialBlock()
                .add("conv", conv(4, 3, 1, 0, 1, true))
                .add("pool", Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, false))
                .add("flat", Blocks.batchFlattenBlock())
                .add("logits", Linear.builder().setUnits(3).build())
                .add("softmax", LambdaBlock.singleton(x -> x.softmax(1), "softmax"));
    }

    static void randomize(Block block, long seed) {
        RandomParameters.set(block, seed, 0.4f);
    }

    /**
     * Exports {@code block} (initialized on {@code input}), runs the file in ONNX Runtime on random
     * batches of 1 and 5 and asserts logits and probabilities equal DJL's within 1e-4.
     */
    static ModelProto assertOrtMatchesDjl(Block block, Shape input, long seed) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            randomize(block, seed);
            ModelProto model = OnnxExporter.export(block, input, "test", Map.of("k", "v"));
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(model.toByteArray(), new OrtSession.SessionOptions())) {
                for (int batch : new int[] {1, 5}) {
                    long[] shape = input.getShape().clone();
                    shape[0] = batch;
                    Random random = new Random(seed + batch);
                    float[] x = new float[(int) new Shape(shape).size()];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (float) random.nextGaussian();
                    }
                    NDArray djl = block.forward(new ParameterStore(manager, false),
                            new NDList(manager.create(x, new Shape(shape))), false).singletonOrThrow();
                    float[] expected = djl.toFloatArray();
                    float[] expectedProbabilities = djl.softmax(1).toFloatArray();
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
                         OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, tensor))) {
                        float[] logits = flatten(result.get(OnnxExporter.LOGITS).orElseThrow().getValue());
                        float[] probabilities = flatten(result.get(OnnxExporter.PROBABILITIES).orElseThrow().getValue());
                        assertClose(expected, logits, "logits, batch " + batch);
                        assertClose(expectedProbabilities, probabilities, "probabilities, batch " + batch);
                    }
                }
            }
            return model;
        }
    }

    static float[] flatten(Object value) {
        float[][] rows = (float[][]) value;
        int width = rows[0].length;
        float[] out = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * width, width);
        }
        return out;
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, what + ": element " + i);
        }
    }

    @Test
    void everyLayerKindRunsInOnnxRuntimeLikeInDjl() throws Exception {
        ModelProto model = assertOrtMatchesDjl(everyKind(), new Shape(1, 3, 15, 15), 11);
        Set<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).collect(Collectors.toSet());
        assertEquals(Set.of("Conv", "BatchNormalization", "Relu", "LeakyRelu", "Div", "Erf", "Add", "Mul",
                "MaxPool", "AveragePool", "Tanh", "GlobalAveragePool", "Flatten", "Gemm", "Sigmoid",
                "Identity", "Softmax"), ops);
        assertFalse(ops.contains("Dropout"), "dropout is omitted");
        assertEquals(OnnxExporter.OPSET, model.getOpsetImport(0).getVersion());
        assertEquals("batch", model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
        List<String> initializers = model.getGraph().getInitializerList().stream().map(t -> t.getName()).toList();
        assertTrue(initializers.contains("04res1_01main_01a_weight"), initializers.toString());
        assertTrue(initializers.contains("06res2_02projection_02bn_runningVar"), initializers.toString());
    }

    @Test
    void flattenHeadAndSoftmaxLayer() throws Exception {
        assertOrtMatchesDjl(flatHead(), new Shape(1, 1, 10, 10), 3);
    }

    @Test
    void averagePoolInCeilModeOnAnOddSideDividesByTheWindowInsideTheInput() throws Exception {
        // what @AvgPool(2, SAME) becomes on a 7x7 map: ceil mode, no padding; the last row and
        // column average one or two values, not four (ONNX Runtime would count the overhang)
        for (boolean countIncludePad : new boolean[] {false, true}) {
            Block block = new NamedSequentialBlock()
                    .add("conv", conv(2, 3, 1, 1, 1, true))
                    .add("pool", Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true,
                            countIncludePad))
                    .add("flat", Blocks.batchFlattenBlock())
                    .add("logits", Linear.builder().setUnits(3).build());
            assertOrtMatchesDjl(block, new Shape(1, 1, 7, 7), 21);
        }
    }

    @Test
    void globalMaxPoolBecomesGlobalMaxPoolThenFlatten() throws Exception {
        Block block = new NamedSequentialBlock()
                .add("conv", conv(4, 3, 1, 1, 1, true))
                .add("gmp", Pool.globalMaxPool2dBlock())
                .add("logits", Linear.builder().setUnits(3).build());
        ModelProto model = assertOrtMatchesDjl(block, new Shape(1, 2, 7, 5), 17);
        List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertEquals(List.of("Conv", "GlobalMaxPool", "Flatten", "Gemm", "Identity", "Softmax"), ops);
    }

    @Test
    void initializersCarryDjlParameterNames() throws Exception {
        Block block = everyKind();
        ModelProto model = assertOrtMatchesDjl(block, new Shape(1, 3, 15, 15), 5);
        Set<String> exported = model.getGraph().getInitializerList().stream().map(t -> t.getName())
                .collect(Collectors.toSet());
        for (Pair<String, Parameter> p : block.getParameters()) {
            assertTrue(exported.contains(p.getKey()), p.getKey() + " missing from " + exported);
        }
    }

    @Test
    void aLayerKindWithoutOnnxOperatorsIsAnErrorNamingItAndWritesNothing() throws Exception {
        Block block = new NamedSequentialBlock()
                .add("conv", conv(2, 3, 1, 1, 1, true))
                .add("swish", Activation.swishBlock(1.5f))
                .add("flat", Blocks.batchFlattenBlock());
        Path file = tmp.resolve("m.onnx");
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
            OnnxExportException e = assertThrows(OnnxExportException.class,
                    () -> OnnxExporter.write(file, block, new Shape(1, 1, 4, 4), "m", Map.of()));
            assertTrue(e.getMessage().startsWith("layer '02swish' (ai.djl.nn.LambdaBlock named 'Swish') cannot be"
                    + " exported to ONNX"), e.getMessage());
        }
        assertFalse(Files.exists(file));
    }
}
