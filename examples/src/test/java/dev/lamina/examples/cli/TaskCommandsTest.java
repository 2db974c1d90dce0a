package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.onnx.OnnxExporter;
import dev.lamina.runtime.task.Prediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary, multi-label and regression example models through the command line: train (metrics
 * of the task, best epoch on its selection metric), the saved model's task fields, predict's
 * output and CSV, and the ONNX export's probabilities or values against ONNX Runtime.
 */
class TaskCommandsTest {

    private static final String MODELS = "dev.lamina.examples.models.tasks.";

    @TempDir
    Path dir;

    /** A 28x28 grey image whose three horizontal bands are bright (1) or dark (0), with noise. */
    private static BufferedImage bands(boolean[] bright, Random random) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = (bright[Math.min(2, y / 10)] ? 190 : 40) + (int) (30 * random.nextGaussian());
                image.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        return image;
    }

    @Test
    void aBinaryFolderTrainsPredictsAndExportsProbabilities() throws Exception {
        Random random = new Random(3);
        Path data = dir.resolve("pair");
        for (String cls : new String[] {"dark-top", "light-top"}) {
            Files.createDirectories(data.resolve(cls));
            for (int i = 0; i < 48; i++) {
                boolean light = cls.equals("light-top");
                ImageIO.write(bands(new boolean[] {light, light, random.nextBoolean()}, random), "png",
                        data.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", MODELS + "ShirtOrTop", "--dataset", "folder", "--data", data.toString(),
                "--epochs", "3", "--batch-size", "16", "--lr", "0.01", "--validation", "0", "--device", "cpu",
                "--out", out.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        // no validation set: the saved model is the last epoch's, which predict measures on the whole folder
        assertTrue(CliRun.number(train.out(), "Final test metrics \\(binary\\): accuracy ([0-9.]+)") >= 0.85, train.out());
        String saved = Files.readString(out.resolve("model/lamina-model.json"));
        assertTrue(saved.contains("\"classes\": [\n    \"dark-top\",\n    \"light-top\"\n  ],\n  \"task\": \"binary\",\n"
                + "  \"threshold\": 0.5,"), saved);
        assertTrue(Files.readString(out.resolve("history.csv")).contains("test_roc_auc"));

        Path csv = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", out.resolve("model").toString(), data.toString(), "--out", csv.toString());
        assertEquals(LaminaCli.OK, predict.code(), predict.both());
        assertTrue(predict.out().matches("(?s).*light-top/1\\.png: light-top [01]\\.\\d{4} -> (light|dark)-top \\(threshold 0\\.5\\).*"),
                predict.out());
        assertTrue(CliRun.number(predict.out(), "accuracy ([0-9.]+) \\(") >= 0.85, predict.out());
        assertTrue(Files.readString(csv).startsWith("file,probability_light-top,predicted\n"));
        onnxMatchesDjl(out.resolve("model"), OnnxExporter.PROBABILITIES);
        // the ONNX Runtime engine reads multi-class outputs only: refused in one line, never a silent PyTorch run
        CliRun onOrt = CliRun.of("predict", out.resolve("model").toString(), data.toString(), "--engine", "onnxruntime");
        assertEquals(LaminaCli.USAGE, onOrt.code(), onOrt.both());
        assertTrue(onOrt.err().strip().startsWith("lamina predict: engine onnxruntime predicts multi-class models only;"
                + " ShirtOrTop is binary"), onOrt.err());
    }

    @Test
    void aMultiLabelManifestTrainsAndPredictsTheSetAtTheThreshold() throws Exception {
        Random random = new Random(4);
        Path data = dir.resolve("tags");
        Files.createDirectories(data.resolve("img"));
        StringBuilder manifest = new StringBuilder("file,labels\n");
        String[] names = {"top", "middle", "bottom"};
        for (int i = 0; i < 120; i++) {
            boolean[] bright = {random.nextBoolean(), random.nextBoolean(), random.nextBoolean()};
            ImageIO.write(bands(bright, random), "png", data.resolve("img/" + i + ".png").toFile());
            StringBuilder labels = new StringBuilder();
            for (int j = 0; j < 3; j++) {
                if (bright[j]) {
                    labels.append(labels.length() == 0 ? "" : ";").append(names[j]);
                }
            }
            manifest.append("img/").append(i).append(".png,").append(labels).append('\n');
        }
        Files.writeString(data.resolve("manifest.csv"), manifest);
        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", MODELS + "FashionTags", "--dataset", "manifest", "--data",
                data.resolve("manifest.csv").toString(), "--label-separator", ";", "--threshold", "0.4", "--epochs", "3",
                "--batch-size", "16", "--lr", "0.01", "--device", "cpu", "--out", out.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        assertTrue(train.out().contains("3 target(s): bottom, middle, top"), train.out());
        assertTrue(CliRun.number(train.out(), "Final test metrics.* f1 ([0-9.]+)") >= 0.8, train.out());
        assertTrue(Files.readString(out.resolve("model/lamina-model.json")).contains("\"threshold\": 0.4"));
        CliRun predict = CliRun.of("predict", out.resolve("model").toString(), data.resolve("img/0.png").toString());
        assertTrue(predict.out().matches("(?s).*0\\.png: bottom [01]\\.\\d{4}, middle [01]\\.\\d{4}, top [01]\\.\\d{4} -> \\{[a-z, ]*\\}"
                + " \\(threshold 0\\.4\\).*"), predict.both());
    }

    @Test
    void aRegressionManifestLearnsValuesInTheirUnitsAndExportsThem() throws Exception {
        Random random = new Random(5);
        Path data = dir.resolve("values");
        Files.createDirectories(data.resolve("img"));
        StringBuilder manifest = new StringBuilder("file,level\n");
        for (int i = 0; i < 160; i++) {
            boolean[] bright = {random.nextBoolean(), random.nextBoolean(), random.nextBoolean()};
            ImageIO.write(bands(bright, random), "png", data.resolve("img/" + i + ".png").toFile());
            int level = (bright[0] ? 100 : 0) + (bright[1] ? 50 : 0) + (bright[2] ? 25 : 0);
            manifest.append("img/").append(i).append(".png,").append(level).append('\n');
        }
        Files.writeString(data.resolve("manifest.csv"), manifest.toString() + "img/missing.png,3\nimg/1.png,x\n");
        Path out = dir.resolve("run");
        String[] args = {"train", MODELS + "RotationAngle", "--dataset", "manifest", "--data",
                data.resolve("manifest.csv").toString(), "--epochs", "4", "--batch-size", "16", "--lr", "0.01",
                "--device", "cpu", "--out", out.toString()};
        CliRun refused = CliRun.of(args);
        assertEquals(LaminaCli.USAGE, refused.code(), refused.both());
        assertTrue(refused.err().contains("manifest.csv: line 162 (") && refused.err().contains("2 bad row(s)"),
                refused.err());
        String[] skipping = java.util.Arrays.copyOf(args, args.length + 1);
        skipping[args.length] = "--skip-bad-images";
        CliRun train = CliRun.of(skipping);
        assertEquals(LaminaCli.OK, train.code(), train.both());
        assertTrue(train.out().contains("Skipped line 163") && train.out().contains("its 'level' is 'x', not a number"),
                train.out());
        assertTrue(CliRun.number(train.out(), "Final test metrics.* r2 (-?[0-9.]+)") >= 0.8, train.out());
        String saved = Files.readString(out.resolve("model/lamina-model.json"));
        assertTrue(saved.contains("\"task\": \"regression\",\n  \"target_normalization\": {"), saved);
        CliRun predict = CliRun.of("predict", out.resolve("model").toString(), data.resolve("img/0.png").toString());
        double predicted = CliRun.number(predict.out(), "0\\.png: level (-?[0-9.]+)");
        assertTrue(predicted > -30 && predicted < 210, "in the targets' units: " + predict.out());
        onnxMatchesDjl(out.resolve("model"), OnnxExporter.VALUES);
    }

    /** ONNX Runtime's {@code output} equals the saved model's prediction in DJL ({@code interpret} of its raw row). */
    private void onnxMatchesDjl(Path modelDir, String output) throws Exception {
        Path onnx = dir.resolve("model.onnx");
        float[] x = new float[4 * 28 * 28];
        Random random = new Random(9);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        try (LaminaModel model = LaminaModel.load(modelDir); NDManager m = NDManager.newBaseManager()) {
            model.exportOnnx(onnx);
            NDArray raw = model.block().forward(new ParameterStore(m, false),
                    new NDList(m.create(x, new Shape(4, 1, 28, 28))), false).singletonOrThrow();
            int outputs = Math.toIntExact(raw.getShape().get(1));
            float[] rows = raw.toFloatArray();
            OrtEnvironment env = dev.lamina.examples.crosscheck.OrtTestEnvironment.get();
            try (OrtSession session = env.createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions());
                 OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {4, 1, 28, 28});
                 OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
                float[][] ort = (float[][]) result.get(output).orElseThrow().getValue();
                for (int i = 0; i < 4; i++) {
                    Prediction p = model.interpret(java.util.Arrays.copyOfRange(rows, i * outputs, (i + 1) * outputs));
                    double expected = p instanceof Prediction.Binary b ? b.probability()
                            : ((Prediction.Values) p).values()[0];
                    assertEquals(expected, ort[i][0], 1e-3 * Math.max(1, Math.abs(expected)), "example " + i);
                }
            }
        }
    }
}
