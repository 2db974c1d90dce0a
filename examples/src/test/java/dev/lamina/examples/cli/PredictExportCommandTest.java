package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.image.ImageFolderExport;
import dev.lamina.runtime.model.LaminaModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina train} writes a saved model; {@code lamina predict} on the fixture's test images
 * written as PNGs gives the accuracy {@code lamina eval} gives on the IDX files; {@code lamina
 * export} writes saved models and ONNX files from the run.
 */
class PredictExportCommandTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Path pngs;

    @BeforeAll
    static void trainAndWritePngs() throws Exception {
        run = tmp.resolve("run");
        CliRun train = CliRun.of("train", "Plain", "--epochs", "1", "--batch-size", "32",
                "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--out", run.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        assertTrue(train.out().contains("Saved model (checkpoint 'best', epoch 1): " + run.resolve("model")),
                train.out());
        pngs = tmp.resolve("pngs");
        ImageFolderExport.write(LabeledImages.copyOf(Datasets.load("fashion-mnist", Fixture.fashionMnistSmall()).test()),
                DatasetKind.FASHION_MNIST.classNames(), pngs);
    }

    @Test
    void predictingThePngsGivesTheAccuracyEvalGivesOnTheIdxFiles() throws Exception {
        CliRun eval = CliRun.of("eval", "Plain", "--checkpoint", run.toString(), "--tag", "best",
                "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu");
        assertEquals(LaminaCli.OK, eval.code(), eval.both());
        double evalAccuracy = CliRun.number(eval.out(), "accuracy (0\\.\\d+), loss");

        Path csv = tmp.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", run.resolve("model").toString(), pngs.toString(), "--out", csv.toString());
        assertEquals(LaminaCli.OK, predict.code(), predict.both());
        double predictAccuracy = CliRun.number(predict.out(), "accuracy (0\\.\\d+) \\(\\d+ of 200 images right");
        assertEquals(evalAccuracy, predictAccuracy, 1e-4, predict.out());
        assertTrue(evalAccuracy > 0.3, "a trained model, not chance: " + evalAccuracy);

        List<String> rows = Files.readAllLines(csv);
        assertEquals("file,label,class_1,probability_1,class_2,probability_2,class_3,probability_3", rows.get(0));
        assertEquals(201, rows.size());
    }

    @Test
    void predictOnOneImagePrintsTopKWithProbabilities() throws Exception {
        Path image;
        try (var files = Files.list(pngs.resolve("7-sneaker"))) {
            image = files.sorted().findFirst().orElseThrow();
        }
        CliRun predict = CliRun.of("predict", run.resolve("model").toString(), image.toString(), "--top-k", "2");
        assertEquals(LaminaCli.OK, predict.code(), predict.both());
        String line = predict.out().lines().filter(l -> l.startsWith(image.toString())).findFirst().orElseThrow();
        assertTrue(line.matches(Pattern.quote(image.toString()) + ": \\S.* 0\\.\\d{4} \\S.* 0\\.\\d{4}"), line);
    }

    @Test
    void exportWritesASavedModelAndAnOnnxFile() throws Exception {
        Path saved = tmp.resolve("exported-last");
        CliRun export = CliRun.of("export", run.toString(), "--tag", "last", "--to", saved.toString());
        assertEquals(LaminaCli.OK, export.code(), export.both());
        try (LaminaModel model = LaminaModel.load(saved)) {
            assertEquals("last", model.info().training().get("checkpoint"));
            assertEquals(DatasetKind.FASHION_MNIST.classNames(), model.info().classes());
        }
        Path onnx = tmp.resolve("plain.onnx");
        CliRun onnxExport = CliRun.of("export", run.toString(), "--format", "onnx", "--to", onnx.toString());
        assertEquals(LaminaCli.OK, onnxExport.code(), onnxExport.both());
        assertTrue(Files.size(onnx) > 800_000, "218,490 float parameters: " + Files.size(onnx));
        assertTrue(onnxExport.out().contains("outputs 'logits' and 'probabilities' (batch, 10)"), onnxExport.out());
    }

    @Test
    void badInputIsAUsageErrorNamingIt() {
        CliRun notAModel = CliRun.of("predict", tmp.toString(), pngs.toString());
        assertEquals(LaminaCli.USAGE, notAModel.code(), notAModel.both());
        assertTrue(notAModel.err().contains("is not a saved Lamina model"), notAModel.err());
        CliRun missing = CliRun.of("predict", run.resolve("model").toString(), tmp.resolve("missing.png").toString());
        assertEquals(LaminaCli.USAGE, missing.code(), missing.both());
        assertTrue(missing.err().contains("no such image file or directory: "), missing.err());
        CliRun noModel = CliRun.of("export", pngs.toString(), "--to", tmp.resolve("x").toString());
        assertEquals(LaminaCli.USAGE, noModel.code(), noModel.both());
        assertTrue(noModel.err().contains("does not say which model it trained"), noModel.err());
    }

    @Test
    void theLabelIsReadFromClassFolderNamesAsLaminaImagesWritesThem() {
        List<String> classes = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "Class " + i).toList();
        assertEquals("Class 7", PredictCommand.labelOf(Path.of("x/07-class-7/00001.png"), classes));
        assertEquals("Class 7", PredictCommand.labelOf(Path.of("x/7-class-7/00001.png"), classes));
        assertEquals("Class 7", PredictCommand.labelOf(Path.of("x/class_7/00001.png"), classes));
        assertEquals(null, PredictCommand.labelOf(Path.of("x/08-class-7/00001.png"), classes));
    }
}
