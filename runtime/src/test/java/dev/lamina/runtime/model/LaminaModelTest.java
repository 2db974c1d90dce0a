package dev.lamina.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lamina.runtime.blocks.RandomParameters;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.data.image.ImageConversion;
import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaminaModelTest {
    static final List<String> CLASSES = List.of("cat", "dog", "bird");

    @TempDir
    Path tmp;

    @AfterEach
    void restoreTinyNet() {
        TinyNet.filters = 4;
    }

    /** A block of TinyNet with random parameters (batch norm statistics included). */
    static Block trainedTiny(NDManager manager, long seed) {
        Block block = TinyNet.newBlock();
        block.initialize(manager, DataType.FLOAT32, TinyNet.inputShape());
        randomize(block, seed);
        return block;
    }

    static void randomize(Block block, long seed) {
        RandomParameters.set(block, seed, 0.5f);
    }

    static float[] forward(Block block, NDManager manager, float[] input, Shape shape) {
        NDList out = block.forward(new ParameterStore(manager, false), new NDList(manager.create(input, shape)), false);
        return out.singletonOrThrow().toFloatArray();
    }

    private static float[] randomInput(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat();
        }
        return x;
    }

    private Path saveTiny(NDManager manager) throws Exception {
        Path dir = tmp.resolve("model");
        LaminaModel.save(dir, TinyNet.class, trainedTiny(manager, 7), CLASSES,
                new Normalization(new double[] {0.25}, new double[] {0.5}), Map.of("epoch", 3, "dataset", "test"));
        return dir;
    }

    @Test
    void savedDirectoryLoadsWithTheSameOutputsThroughLaminaAndPlainDjl() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block trained = trainedTiny(manager, 7);
            Path dir = tmp.resolve("model");
            SavedModelInfo info = LaminaModel.save(dir, TinyNet.class, trained, CLASSES, null,
                    Map.of("epoch", 3, "dataset", "test"));
            assertEquals("Tiny-0003.params", info.parametersFile());
            assertTrue(Files.isRegularFile(dir.resolve("lamina-model.json")));
            Shape shape = new Shape(2, 1, 8, 8);
            float[] x = randomInput(128, 1);
            float[] expected = forward(trained, manager, x, shape);

            try (LaminaModel loaded = LaminaModel.load(dir)) {
                assertEquals("Tiny", loaded.info().modelName());
                assertEquals(CLASSES, loaded.info().classes());
                assertArrayEquals(new long[] {1, 8, 8}, loaded.info().inputShape());
                assertEquals(3.0, ((Number) loaded.info().training().get("epoch")).doubleValue());
                assertArrayEquals(expected, forward(loaded.block(), manager, x, shape), 0f);
            }
            // DJL alone: Model.newInstance(name) + setBlock(XNet.newBlock()) + load(dir)
            try (Model plain = Model.newInstance("Tiny")) {
                Block block = TinyNet.newBlock();
                plain.setBlock(block);
                block.initialize(plain.getNDManager(), DataType.FLOAT32, TinyNet.inputShape());
                plain.load(dir);
                assertArrayEquals(expected, forward(block, manager, x, shape), 0f);
            }
        }
    }

    @Test
    void aSecondSaveReplacesTheFirstWhole() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = tmp.resolve("model");
            LaminaModel.save(dir, TinyNet.class, trainedTiny(manager, 1), CLASSES, null, Map.of("epoch", 1));
            LaminaModel.save(dir, TinyNet.class, trainedTiny(manager, 2), CLASSES, null, Map.of("epoch", 2));
            try (var files = Files.list(dir)) {
                assertEquals(List.of("Tiny-0002.params", "lamina-model.json"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
            try (LaminaModel loaded = LaminaModel.load(dir)) {
                assertEquals("Tiny-0002.params", loaded.info().parametersFile());
            }
        }
    }

    @Test
    void loadsTheParameterFileItCheckedNotANewerOneLeftInTheDirectory() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block trained = trainedTiny(manager, 7);
            Path dir = tmp.resolve("model");
            LaminaModel.save(dir, TinyNet.class, trained, CLASSES, null, Map.of("epoch", 3));
            // e.g. a save that crashed before its JSON (the commit point), or a file copied in
            Path other = tmp.resolve("other");
            LaminaModel.save(other, TinyNet.class, trainedTiny(manager, 8), CLASSES, null, Map.of("epoch", 9));
            Files.copy(other.resolve("Tiny-0009.params"), dir.resolve("Tiny-0009.params"));
            Shape shape = new Shape(1, 1, 8, 8);
            float[] x = randomInput(64, 2);
            try (LaminaModel loaded = LaminaModel.load(dir)) {
                assertArrayEquals(forward(trained, manager, x, shape), forward(loaded.block(), manager, x, shape), 0f);
            }
        }
    }

    @Test
    void refusesAnotherModelClassNamingBoth() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = saveTiny(manager);
            LaminaModelException e = assertThrows(LaminaModelException.class, () -> LaminaModel.load(dir, OtherNet.class));
            assertTrue(e.getMessage().contains("saved from model Tiny (" + TinyNet.class.getName() + "), not "
                    + OtherNet.class.getName()), e.getMessage());
        }
    }

    @Test
    void refusesAModelClassEditedAfterTrainingNamingTheParameter() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = saveTiny(manager);
            TinyNet.filters = 6; // the class was edited: conv(filters = 6)
            LaminaModelException e = assertThrows(LaminaModelException.class, () -> LaminaModel.load(dir));
            assertTrue(e.getMessage().contains("'01conv_weight' has shape (4, 1, 3, 3) in the saved model but"
                    + " (6, 1, 3, 3) in the model"), e.getMessage());
            assertTrue(e.getMessage().contains("edited after training"), e.getMessage());
        }
    }

    @Test
    void refusesATruncatedParameterFile() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = saveTiny(manager);
            Path params = dir.resolve(LaminaModel.readInfo(dir).parametersFile());
            long size = Files.size(params);
            try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
                f.setLength(size / 2);
            }
            LaminaModelException e = assertThrows(LaminaModelException.class, () -> LaminaModel.load(dir));
            assertTrue(e.getMessage().contains("is " + size / 2 + " bytes but lamina-model.json says " + size
                    + ": it is truncated"), e.getMessage());
        }
    }

    @Test
    void refusesADamagedParameterFile() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = saveTiny(manager);
            Path params = dir.resolve(LaminaModel.readInfo(dir).parametersFile());
            byte[] bytes = Files.readAllBytes(params);
            bytes[bytes.length - 3] ^= 0x40;
            Files.write(params, bytes);
            LaminaModelException e = assertThrows(LaminaModelException.class, () -> LaminaModel.load(dir));
            assertTrue(e.getMessage().contains("is damaged: its SHA-256 is"), e.getMessage());
        }
    }

    @Test
    void refusesADirectoryThatIsNoSavedModel() {
        LaminaModelException e = assertThrows(LaminaModelException.class, () -> LaminaModel.load(tmp));
        assertTrue(e.getMessage().contains("is not a saved Lamina model"), e.getMessage());
    }

    @Test
    void predictorConvertsNormalizesAndReturnsProbabilitiesOfTheModelOutput() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = saveTiny(manager);
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
            float[] x = new float[64];
            for (int i = 0; i < 64; i++) {
                int v = (i * 37) % 256;
                image.getRaster().setSample(i % 8, i / 8, 0, v);
                x[i] = (v / 255f - 0.25f) * (1 / 0.5f); // the normalization saved with the model
            }
            try (LaminaModel model = LaminaModel.load(dir);
                 Predictor<Image, Classifications> predictor = model.predictor()) {
                float[] logits = forward(model.block(), manager, x, new Shape(1, 1, 8, 8));
                float[] expected = manager.create(logits).softmax(0).toFloatArray();
                Image djlImage = ImageFactory.getInstance().fromImage(image);
                Classifications c = predictor.predict(djlImage);
                for (int k = 0; k < CLASSES.size(); k++) {
                    assertEquals(expected[k], c.get(CLASSES.get(k)).getProbability(), 1e-6);
                }
                List<Classifications> batch = predictor.batchPredict(List.of(djlImage, djlImage));
                assertEquals(c.best().getClassName(), batch.get(1).best().getClassName());
                assertEquals(c.best().getProbability(), batch.get(1).best().getProbability(), 1e-6);
            }
        }
    }

    /** A 16x16 grey image: twice the model's 8x8. */
    private static Image twiceTheSize() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 256; i++) {
            image.getRaster().setSample(i % 16, i / 16, 0, (i * 53) % 256);
        }
        return ImageFactory.getInstance().fromImage(image);
    }

    @Test
    void theTrainingResizePolicyIsSavedAndThePredictorFitsImagesByIt() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = tmp.resolve("stretched");
            LaminaModel.save(dir, TinyNet.class, trainedTiny(manager, 7), CLASSES, null, ImageConversion.Resize.STRETCH,
                    Map.of("epoch", 1));
            assertTrue(Files.readString(dir.resolve(SavedModelInfo.FILE)).contains("\"resize\": \"stretch\""));
            Image big = twiceTheSize();
            try (LaminaModel model = LaminaModel.load(dir);
                 Predictor<Image, Classifications> predictor = model.predictor();
                 Predictor<Image, Classifications> explicit = model.predictor(ImageConversion.Resize.STRETCH)) {
                assertEquals(ImageConversion.Resize.STRETCH, model.info().resize());
                Classifications c = predictor.predict(big);
                assertEquals(explicit.predict(big).best().getProbability(), c.best().getProbability(), 1e-7);
            }
        }
    }

    @Test
    void aSavedModelWithoutAResizeFieldKeepsTheOldBehaviourRefusingOtherSizes() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = saveTiny(manager);
            Path json = dir.resolve(SavedModelInfo.FILE);
            // as written before the policy was recorded
            String old = Files.readString(json).replaceAll("\\n\\s*\"resize\": \"none\",", "");
            assertTrue(!old.contains("resize"), old);
            Files.writeString(json, old);
            try (LaminaModel model = LaminaModel.load(dir);
                 Predictor<Image, Classifications> predictor = model.predictor()) {
                assertEquals(ImageConversion.Resize.NONE, model.info().resize());
                Exception e = assertThrows(Exception.class, () -> predictor.predict(twiceTheSize()));
                Throwable cause = e;
                while (!(cause instanceof DatasetException) && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                assertTrue(cause.getMessage().contains("the image is 16x16 (height x width) but the model takes 8x8"),
                        String.valueOf(cause));
            }
        }
    }

    /**
     * Issue 21.1: a save removed every other {@code *.params} file in its directory (a user's
     * own, a run's checkpoints). Now only the parameter file of the saved model it replaces goes.
     */
    @Test
    void aSaveRemovesOnlyThePreviousSavesParameterFile() throws Exception {
        Path dir = tmp.resolve("shared");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("resnet-0001.params"), "x");
        Files.writeString(dir.resolve("last-step40.params"), "y");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = trainedTiny(manager, 7);
            LaminaModel.save(dir, TinyNet.class, block, CLASSES, null, Map.of("epoch", 3));
            assertTrue(Files.isRegularFile(dir.resolve("Tiny-0003.params")));
            LaminaModel.save(dir, TinyNet.class, block, CLASSES, null, Map.of("epoch", 4));
        }
        assertFalse(Files.exists(dir.resolve("Tiny-0003.params")), "the replaced save's own file goes");
        assertTrue(Files.isRegularFile(dir.resolve("Tiny-0004.params")));
        assertEquals("x", Files.readString(dir.resolve("resnet-0001.params")), "another model's file stays");
        assertEquals("y", Files.readString(dir.resolve("last-step40.params")), "a run's checkpoint stays");
        try (LaminaModel loaded = LaminaModel.load(dir, TinyNet.class)) {
            assertEquals(4L, loaded.info().training().get("epoch"), "an integer comes back as one");
        }
    }
}
