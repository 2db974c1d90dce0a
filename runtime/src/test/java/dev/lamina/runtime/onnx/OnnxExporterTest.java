package dev.lamina.runtime.onnx;

import static dev.lamina.runtime.descriptor.OnnxRecipe.constant;
import static dev.lamina.runtime.descriptor.OnnxRecipe.earlier;
import static dev.lamina.runtime.descriptor.OnnxRecipe.floatAttribute;
import static dev.lamina.runtime.descriptor.OnnxRecipe.input;
import static dev.lamina.runtime.descriptor.OnnxRecipe.intAttribute;
import static dev.lamina.runtime.descriptor.OnnxRecipe.intsAttribute;
import static dev.lamina.runtime.descriptor.OnnxRecipe.node;
import static dev.lamina.runtime.descriptor.OnnxRecipe.parameter;
import static dev.lamina.runtime.descriptor.OnnxRecipe.step;
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
import dev.lamina.runtime.blocks.RandomParameters;
import dev.lamina.runtime.blocks.SpatialDropoutBlock;
import dev.lamina.runtime.descriptor.NetDescriptor;
import dev.lamina.runtime.descriptor.OnnxRecipe;
import dev.lamina.runtime.descriptor.OnnxRecipe.Input;
import dev.lamina.runtime.io.AtomicFiles;
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

/**
 * The exporter on blocks described by hand (the recipes of the processor's kinds are run in ONNX
 * Runtime by the examples' {@code OnnxExportExamplesTest} on generated Nets): nodes from recipes,
 * sub-models and residuals, DJL's parameter names, and a block that is not the descriptor's.
 */
class OnnxExporterTest {

    @TempDir
    Path tmp;

    private static Block conv(int filters, int kernel, int stride, int pad, int dilation, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad)).optDilation(new Shape(dilation, dilation)).setFilters(filters)
                .optBias(bias).build();
    }

    private static OnnxRecipe convRecipe(int kernel, int stride, int pad, int dilation, boolean bias) {
        List<Input> inputs = bias ? List.of(input(), parameter("weight"), parameter("bias"))
                : List.of(input(), parameter("weight"));
        return OnnxRecipe.of(node("Conv", inputs, intsAttribute("kernel_shape", kernel, kernel),
                intsAttribute("strides", stride, stride), intsAttribute("dilations", dilation, dilation),
                intsAttribute("pads", pad, pad, pad, pad), intAttribute("group", 1)));
    }

    private static OnnxRecipe batchNorm(float epsilon) {
        return OnnxRecipe.of(node("BatchNormalization", List.of(input(), parameter("gamma"), parameter("beta"),
                parameter("runningMean"), parameter("runningVar")), floatAttribute("epsilon", epsilon)));
    }

    private static OnnxRecipe unary(String op, OnnxRecipe.Attribute... attributes) {
        return OnnxRecipe.of(node(op, List.of(input()), attributes));
    }

    private static OnnxRecipe dense(boolean bias) {
        return OnnxRecipe.of(node("Gemm", bias ? List.of(input(), parameter("weight"), parameter("bias"))
                : List.of(input(), parameter("weight")), intAttribute("transB", 1)));
    }

    private static OnnxRecipe pool(String op, int size, int stride, int pad, boolean ceil) {
        List<OnnxRecipe.Attribute> attributes = new java.util.ArrayList<>(List.of(
                intsAttribute("kernel_shape", size, size), intsAttribute("strides", stride, stride),
                intsAttribute("pads", pad, pad, pad, pad), intAttribute("ceil_mode", ceil ? 1 : 0)));
        if (op.equals("AveragePool")) {
            attributes.add(intAttribute("count_include_pad", 0));
        }
        return OnnxRecipe.of(node(op, List.of(input()), attributes.toArray(OnnxRecipe.Attribute[]::new)));
    }

    private static OnnxRecipe globalPool(String op) {
        return OnnxRecipe.of(step(op, "pool", List.of(input())),
                node("Flatten", List.of(earlier("pool")), intAttribute("axis", 1)));
    }

    private static OnnxRecipe gelu() {
        return OnnxRecipe.of(step("Div", "div", List.of(input(), constant("sqrt2", (float) Math.sqrt(2)))),
                step("Erf", "erf", List.of(earlier("div"))),
                step("Add", "add", List.of(earlier("erf"), constant("one", 1f))),
                step("Mul", "mul", List.of(input(), earlier("add"))),
                node("Mul", List.of(earlier("mul"), constant("half", 0.5f))));
    }

    /** Convolutions, batch norm, activations, both pools with ceil mode and padding, a sub-model, residuals. */
    static Described everyKind() {
        Described block1 = new Described()
                .add("a", conv(6, 3, 1, 1, 1, false), convRecipe(3, 1, 1, 1, false))
                .add("a_bn", BatchNorm.builder().optEpsilon(1e-3f).build(), batchNorm(1e-3f))
                .add("a_act", Activation.leakyReluBlock(0.1f), unary("LeakyRelu", floatAttribute("alpha", 0.1f)))
                .add("b", conv(6, 3, 1, 1, 1, false), convRecipe(3, 1, 1, 1, false))
                .add("b_bn", BatchNorm.builder().build(), batchNorm(1e-5f));
        Described down = new Described()
                .add("a", conv(8, 3, 2, 1, 1, true), convRecipe(3, 2, 1, 1, true))
                .add("a_act", Activation.geluBlock(), gelu())
                .add("b", conv(8, 3, 1, 2, 2, true), convRecipe(3, 1, 2, 2, true));
        Described projection = new Described()
                .add("conv", conv(8, 1, 2, 0, 1, false), convRecipe(1, 2, 0, 1, false))
                .add("bn", BatchNorm.builder().build(), batchNorm(1e-5f));
        Described plain = new Described().add("relu", Activation.reluBlock(), unary("Relu"));
        return new Described()
                .add("stem", conv(6, 5, 1, 2, 1, true), convRecipe(5, 1, 2, 1, true))
                .add("stem_act", plain)
                .add("drop", new SpatialDropoutBlock(0.2f), OnnxRecipe.IDENTITY)
                .residual("res1", block1, null)
                .add("res1_act", Activation.reluBlock(), unary("Relu"))
                .residual("res2", down, projection)
                .add("pool", Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), true),
                        pool("MaxPool", 3, 2, 1, true))
                .add("avg", Pool.avgPool2dBlock(new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), false, false),
                        pool("AveragePool", 2, 1, 1, false))
                .add("tanh", Activation.tanhBlock(), unary("Tanh"))
                .add("gap", Pool.globalAvgPool2dBlock(), globalPool("GlobalAveragePool"))
                .add("fc", Linear.builder().setUnits(12).build(), dense(true))
                .add("fc_bn", BatchNorm.builder().build(), batchNorm(1e-5f))
                .add("sig", Activation.sigmoidBlock(), unary("Sigmoid"))
                .add("fc_drop", Dropout.builder().optRate(0.5f).build(), OnnxRecipe.IDENTITY)
                .add("logits", Linear.builder().setUnits(5).optBias(false).build(), dense(false));
    }

    static Described flatHead() {
        return new Described()
                .add("conv", conv(4, 3, 1, 0, 1, true), convRecipe(3, 1, 0, 1, true))
                .add("pool", Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, false),
                        pool("AveragePool", 2, 2, 0, false))
                .add("flat", Blocks.batchFlattenBlock(), unary("Flatten", intAttribute("axis", 1)))
                .add("logits", Linear.builder().setUnits(3).build(), dense(true))
                .add("softmax", LambdaBlock.singleton(x -> x.softmax(1), "softmax"), unary("Softmax", intAttribute("axis", 1)));
    }

    static void randomize(Block block, long seed) {
        RandomParameters.set(block, seed, 0.4f);
    }

    /**
     * Exports the described block (initialized on {@code input}), runs the file in ONNX Runtime on random
     * batches of 1 and 5 and asserts logits and probabilities equal DJL's within 1e-4.
     */
    static ModelProto assertOrtMatchesDjl(Described described, Shape input, long seed) throws Exception {
        Block block = described.block;
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            randomize(block, seed);
            ModelProto model = OnnxExporter.export(described.descriptor(input.slice(1),
                    block.getOutputShapes(new Shape[] {input})[0].slice(1)), block, "test", Map.of("k", "v"));
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
        Described block = new Described()
                .add("conv", conv(2, 3, 1, 1, 1, true), convRecipe(3, 1, 1, 1, true))
                .add("pool", Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true, false),
                        pool("AveragePool", 2, 2, 0, true))
                .add("flat", Blocks.batchFlattenBlock(), unary("Flatten", intAttribute("axis", 1)))
                .add("logits", Linear.builder().setUnits(3).build(), dense(true));
        assertOrtMatchesDjl(block, new Shape(1, 1, 7, 7), 21);
    }

    @Test
    void globalMaxPoolBecomesGlobalMaxPoolThenFlatten() throws Exception {
        Described block = new Described()
                .add("conv", conv(4, 3, 1, 1, 1, true), convRecipe(3, 1, 1, 1, true))
                .add("gmp", Pool.globalMaxPool2dBlock(), globalPool("GlobalMaxPool"))
                .add("logits", Linear.builder().setUnits(3).build(), dense(true));
        ModelProto model = assertOrtMatchesDjl(block, new Shape(1, 2, 7, 5), 17);
        List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertEquals(List.of("Conv", "GlobalMaxPool", "Flatten", "Gemm", "Identity", "Softmax"), ops);
        assertEquals(List.of("01conv", "02gmp_pool", "02gmp", "03logits", "logits", "probabilities"),
                model.getGraph().getNodeList().stream().map(NodeProto::getName).toList());
    }

    @Test
    void initializersCarryDjlParameterNames() throws Exception {
        Described block = everyKind();
        ModelProto model = assertOrtMatchesDjl(block, new Shape(1, 3, 15, 15), 5);
        Set<String> exported = model.getGraph().getInitializerList().stream().map(t -> t.getName())
                .collect(Collectors.toSet());
        for (Pair<String, Parameter> p : block.block.getParameters()) {
            assertTrue(exported.contains(p.getKey()), p.getKey() + " missing from " + exported);
        }
    }

    /** Exports {@code described}'s descriptor with {@code block} into a file, expecting a refusal. */
    private OnnxExportException refused(Described described, Block block, Shape input, Shape output) throws Exception {
        Path file = tmp.resolve("m.onnx");
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            NetDescriptor descriptor = described.descriptor(input.slice(1), output);
            OnnxExportException e = assertThrows(OnnxExportException.class, () -> AtomicFiles.write(file,
                    out -> OnnxExporter.export(descriptor, block, "m", Map.of()).writeTo(out)));
            assertFalse(Files.exists(file));
            return e;
        }
    }

    /** A 3x3 convolution to 2 channels, with or without bias, then a flatten. */
    private static Described convThenFlatten(boolean bias) {
        return new Described()
                .add("conv", conv(2, 3, 1, 1, 1, bias), convRecipe(3, 1, 1, 1, bias))
                .add("flat", Blocks.batchFlattenBlock(), unary("Flatten", intAttribute("axis", 1)));
    }

    @Test
    void aBlockWithAParameterNoLayerDescribesIsRefused() throws Exception {
        OnnxExportException e = refused(convThenFlatten(false), convThenFlatten(true).block, new Shape(1, 1, 4, 4),
                new Shape(32));
        assertTrue(e.getMessage().startsWith("the block has parameters [01conv_bias] that no layer of test has"),
                e.getMessage());
    }

    @Test
    void aDescribedParameterTheBlockLacksIsRefused() throws Exception {
        OnnxExportException e = refused(convThenFlatten(true), convThenFlatten(false).block, new Shape(1, 1, 4, 4),
                new Shape(32));
        assertTrue(e.getMessage().startsWith("layer '01conv' has no parameter '01conv_bias' in the block"),
                e.getMessage());
    }

    @Test
    void aBlockOfAnotherOutputShapeIsRefused() throws Exception {
        Described described = convThenFlatten(true);
        OnnxExportException e = refused(described, described.block, new Shape(1, 1, 4, 4), new Shape(10));
        assertTrue(e.getMessage().startsWith("the block outputs (1, 32) but test outputs (1, 10)"), e.getMessage());
    }
}
