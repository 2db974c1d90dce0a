package dev.lamina.examples.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.model.InferenceEngine;
import dev.lamina.runtime.model.LaminaModel;
import java.awt.image.BufferedImage;
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
 * {@link LaminaModel#predictor(InferenceEngine)}: on ONNX Runtime and on PyTorch, the predictors of a
 * saved model give every class of every image the same probability within 1e-5, and both equal a
 * softmax over the block's own forward pass on the converted, normalized batch (so a mistake in the
 * translator they share, such as rows mixed up in a batch, fails too); {@code predict} on one image
 * equals its row of {@code batchPredict}; the model's directory is left as it was. Over grey and RGB
 * models with a normalization: the default model, FashionCnn, a CIFAR-10 model, WideResNet16x4
 * (residual sub-models with projections), global max pooling on a non-square input, depthwise
 * convolutions, strides, and the remaining kinds (CcKinds), batch norm with random statistics.
 */
class InferenceEnginesTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    static Stream<Arguments> models() {
        List<GeneratedNet> nets = List.of(
                ModelCatalog.resolve("FashionClassifier"),
                ModelCatalog.resolve("FashionCnn"),
                ModelCatalog.resolveIn("BatchNormConvs", ModelCatalog.MODELS_CIFAR10),
                GeneratedNet.of(dev.lamina.examples.models.cifar.wrn.WideResNet16x4Net.class),
                GeneratedNet.of(CcGlobalMaxNet.class),
                GeneratedNet.of(CcDepthwiseNet.class),
                GeneratedNet.of(CcStridesNet.class),
                GeneratedNet.of(CcKindsNet.class));
        return nets.stream().map(n -> Arguments.of(n.name(), n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void onnxRuntimeAndPyTorchPredictTheSameProbabilities(String name, GeneratedNet net) throws Exception {
        long[] chw = net.inputShape().slice(1).getShape();
        Normalization normalization = chw[0] == 1 ? new Normalization(new double[] {0.29}, new double[] {0.35})
                : new Normalization(new double[] {0.49, 0.48, 0.45}, new double[] {0.25, 0.24, 0.26});
        Path dir = tmp.resolve("model");
        List<String> classes = IntStream.range(0, net.classes()).mapToObj(i -> "class" + i).toList();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = net.newBlock();
            block.initialize(manager, DataType.FLOAT32, net.inputShape());
            OnnxExportExamplesTest.randomizeStatistics(block);
            LaminaModel.save(dir, net.netClass(), block, classes, normalization, Map.of("epoch", 1));
        }
        List<String> before = listing(dir);
        List<Image> images = randomImages(chw, 5, name.hashCode());
        try (LaminaModel model = LaminaModel.load(dir, net.netClass());
             Predictor<Image, Classifications> pytorch = model.predictor(InferenceEngine.PYTORCH);
             Predictor<Image, Classifications> ort = model.predictor(InferenceEngine.ONNXRUNTIME)) {
            List<Classifications> onPyTorch = pytorch.batchPredict(images);
            List<Classifications> onOrt = ort.batchPredict(images);
            float[][] reference = softmaxOfForward(model, images, chw, normalization);
            assertEquals(images.size(), onPyTorch.size());
            assertEquals(images.size(), onOrt.size());
            for (int i = 0; i < images.size(); i++) {
                assertSame(reference[i], onPyTorch.get(i), classes, name + " image " + i + " PyTorch vs forward");
                assertSame(reference[i], onOrt.get(i), classes, name + " image " + i + " ONNX Runtime vs forward");
            }
            assertSame(reference[3], ort.predict(images.get(3)), classes, name + " predict on ONNX Runtime");
            assertSame(reference[3], pytorch.predict(images.get(3)), classes, name + " predict on PyTorch");
        }
        assertEquals(before, listing(dir), "predicting writes nothing into the model's directory");
    }

    /** Softmax over the block's forward pass on the batch, converted and normalized by hand. */
    private static float[][] softmaxOfForward(LaminaModel model, List<Image> images, long[] chw,
                                              Normalization normalization) {
        int size = (int) (chw[0] * chw[1] * chw[2]);
        float[] x = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(ImageConversion.toChw(images.get(i), (int) chw[0], (int) chw[1], (int) chw[2],
                    ImageConversion.Resize.NONE), 0, x, i * size, size);
        }
        normalization.applyInPlace(x, images.size(), (int) (chw[1] * chw[2]));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray out = model.block().forward(new ParameterStore(manager, false),
                    new NDList(manager.create(x, new Shape(images.size(), chw[0], chw[1], chw[2]))), false)
                    .singletonOrThrow().softmax(1);
            float[] flat = out.toFloatArray();
            int n = (int) out.getShape().get(1);
            float[][] rows = new float[images.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = java.util.Arrays.copyOfRange(flat, i * n, (i + 1) * n);
            }
            return rows;
        }
    }

    private static void assertSame(float[] expected, Classifications actual, List<String> classes, String what) {
        assertEquals(classes, actual.getClassNames(), what);
        for (int k = 0; k < expected.length; k++) {
            double p = actual.getProbabilities().get(k);
            assertTrue(Math.abs(expected[k] - p) <= TOLERANCE, what + ": class " + k + " expected " + expected[k]
                    + ", got " + p);
        }
    }

    static List<Image> randomImages(long[] chw, int count, long seed) {
        Random random = new Random(seed);
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage((int) chw[2], (int) chw[1],
                    chw[0] == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < chw[1]; y++) {
                for (int x = 0; x < chw[2]; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            images.add(ImageFactory.getInstance().fromImage(image));
        }
        return images;
    }

    private static List<String> listing(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName() + " " + f.toFile().length() + " " + f.toFile().lastModified())
                    .sorted().toList();
        }
    }
}
