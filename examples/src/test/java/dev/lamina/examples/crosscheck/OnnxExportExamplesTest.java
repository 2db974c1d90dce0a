package dev.lamina.examples.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.onnx.OnnxExporter;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example model family, saved as a model directory, loaded back, exported to ONNX and run
 * in ONNX Runtime: logits and probabilities equal DJL's within 1e-4 on a random batch. The
 * families: the 28x28 examples (one of the five DropoutBetweenConvs rates), the CIFAR-10 and CIFAR-100 ones (built from sub-models in
 * models.features), CcResidual (a plain sub-model, an identity residual and a projection
 * residual), CcGlobalMax (@GlobalMaxPool), CcDepthwise (@DepthwiseConv), CcKinds (the
 * activations, pools and attribute values the others leave out), CcLayerNorm (@LayerNorm) and WideResNet16x4 (residual sub-models with projections, 2.7M parameters).
 */
class OnnxExportExamplesTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> models() {
        List<GeneratedNet> nets = new ArrayList<>();
        for (String name : ModelCatalog.available()) {
            // DropoutBetweenConvs10..50 differ only in the dropout rate, which export omits: one of them
            if (!name.matches("DropoutBetweenConvs[1245]0")) {
                nets.add(ModelCatalog.resolve(name));
            }
        }
        for (String name : List.of("Plain", "BatchNormConvs", "BatchNormFcDropout", "DropoutBetweenConvs30",
                "SpatialDropoutConvs")) {
            nets.add(ModelCatalog.resolveIn(name, ModelCatalog.MODELS_CIFAR10));
            nets.add(ModelCatalog.resolveIn(name, ModelCatalog.MODELS_CIFAR100));
        }
        nets.add(GeneratedNet.of(CcResidualNet.class));
        nets.add(GeneratedNet.of(CcGlobalMaxNet.class));
        nets.add(GeneratedNet.of(CcDepthwiseNet.class));
        nets.add(GeneratedNet.of(CcKindsNet.class));
        nets.add(GeneratedNet.of(CcLayerNormNet.class));
        nets.add(GeneratedNet.of(dev.lamina.examples.models.cifar.wrn.WideResNet16x4Net.class));
        return nets.stream().map(n -> Arguments.of(n.netClass().getName(), n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void onnxRuntimeComputesWhatDjlComputes(String name, GeneratedNet net) throws Exception {
        Path dir = tmp.resolve("model");
        List<String> classes = IntStream.range(0, net.classes()).mapToObj(i -> "class" + i).toList();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block trained = net.newBlock();
            trained.initialize(manager, DataType.FLOAT32, net.inputShape());
            randomizeStatistics(trained);
            LaminaModel.save(dir, net.netClass(), trained, classes, null, Map.of("epoch", 1));
        }
        Path file = tmp.resolve("model.onnx");
        try (LaminaModel model = LaminaModel.load(dir, net.netClass());
             NDManager manager = NDManager.newBaseManager()) {
            model.exportOnnx(file);
            long[] shape = net.inputShape().getShape().clone();
            shape[0] = 4;
            Random random = new Random(42);
            float[] x = new float[(int) new Shape(shape).size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            NDArray djl = model.block().forward(new ParameterStore(manager, false),
                    new NDList(manager.create(x, new Shape(shape))), false).singletonOrThrow();
            OrtEnvironment env = OrtTestEnvironment.get();
            try (OrtSession session = env.createSession(Files.readAllBytes(file), new OrtSession.SessionOptions());
                 OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
                 OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
                assertClose(djl.toFloatArray(), (float[][]) result.get(OnnxExporter.LOGITS).orElseThrow().getValue(),
                        net + " logits");
                assertClose(djl.softmax(1).toFloatArray(),
                        (float[][]) result.get(OnnxExporter.PROBABILITIES).orElseThrow().getValue(),
                        net + " probabilities");
                assertEquals(model.info().modelName(), session.getMetadata().getCustomMetadata().get("lamina.model"));
            }
        }
    }

    /** Batch norm statistics of a fresh block are 0 and 1; random ones make the check meaningful. */
    static void randomizeStatistics(Block block) {
        Random random = new Random(7);
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = p.getKey();
            if (name.endsWith("runningMean") || name.endsWith("runningVar") || name.endsWith("beta")
                    || name.endsWith("gamma")) {
                float[] values = new float[(int) p.getValue().getArray().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = name.endsWith("runningVar") || name.endsWith("gamma") ? 0.5f + random.nextFloat()
                            : (float) random.nextGaussian() * 0.3f;
                }
                p.getValue().getArray().set(FloatBuffer.wrap(values));
            }
        }
    }

    private static void assertClose(float[] expected, float[][] actual, String what) {
        int width = actual[0].length;
        assertEquals(expected.length, actual.length * width, what);
        for (int i = 0; i < expected.length; i++) {
            float a = actual[i / width][i % width];
            assertTrue(Math.abs(expected[i] - a) <= 1e-4, what + ": element " + i + " DJL " + expected[i] + " ORT " + a);
        }
    }
}
