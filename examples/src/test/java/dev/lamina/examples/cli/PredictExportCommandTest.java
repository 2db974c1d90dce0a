package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.experiment.Fixture;
import dev.lamina.examples.inference.PngFolders;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.model.LaminaModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    private final StringWriter err = new StringWriter();

    private int run(StringWriter stdout, String... args) {
        CommandLine cli = LaminaCli.newCommandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @BeforeAll
    static void trainAndWritePngs() throws Exception {
        run = tmp.resolve("run");
        StringWriter out = new StringWriter();
        CommandLine cli = LaminaCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(LaminaCli.OK, cli.execute("train", "Plain", "--epochs", "1", "--batch-size", "32",
                "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--out", run.toString()), out.toString());
        assertTrue(out.toString().contains("Saved model (checkpoint 'best', epoch 1): " + run.resolve("model")),
                out.toString());
        pngs = tmp.resolve("pngs");
        PngFolders.write(Datasets.load("fashion-mnist", Fixture.fashionMnistSmall()).test(),
                DatasetKind.FASHION_MNIST.classNames(), pngs);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void predictingThePngsGivesTheAccuracyEvalGivesOnTheIdxFiles() throws Exception {
        StringWriter eval = new StringWriter();
        assertEquals(LaminaCli.OK, run(eval, "eval", "Plain", "--checkpoint", run.toString(), "--tag", "best",
                "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu"), err.toString());
        double evalAccuracy = number(eval.toString(), "accuracy (0\\.\\d+), loss");

        StringWriter predict = new StringWriter();
        Path csv = tmp.resolve("predictions.csv");
        assertEquals(LaminaCli.OK, run(predict, "predict", run.resolve("model").toString(), pngs.toString(),
                "--out", csv.toString()), err.toString());
        double predictAccuracy = number(predict.toString(), "accuracy (0\\.\\d+) \\(\\d+ of 200 images right");
        assertEquals(evalAccuracy, predictAccuracy, 1e-4, predict.toString());
        assertTrue(evalAccuracy > 0.3, "a trained model, not chance: " + evalAccuracy);

        List<String> rows = Files.readAllLines(csv);
        assertEquals("file,label,class_1,probability_1,class_2,probability_2,class_3,probability_3", rows.get(0));
        assertEquals(201, rows.size());
    }

    @Test
    void predictOnOneImagePrintsTopKWithProbabilities() throws Exception {
        Path image;
        try (var files = Files.list(pngs.resolve("Sneaker"))) {
            image = files.sorted().findFirst().orElseThrow();
        }
        StringWriter out = new StringWriter();
        assertEquals(LaminaCli.OK, run(out, "predict", run.resolve("model").toString(), image.toString(),
                "--top-k", "2"), err.toString());
        String line = out.toString().lines().filter(l -> l.startsWith(image.toString())).findFirst().orElseThrow();
        assertTrue(line.matches(Pattern.quote(image.toString()) + ": \\S.* 0\\.\\d{4} \\S.* 0\\.\\d{4}"), line);
    }

    @Test
    void exportWritesASavedModelAndAnOnnxFile() throws Exception {
        Path saved = tmp.resolve("exported-last");
        StringWriter out = new StringWriter();
        assertEquals(LaminaCli.OK, run(out, "export", run.toString(), "--tag", "last", "--to", saved.toString()),
                err.toString());
        try (LaminaModel model = LaminaModel.load(saved)) {
            assertEquals("last", model.info().training().get("checkpoint"));
            assertEquals(DatasetKind.FASHION_MNIST.classNames(), model.info().classes());
        }
        Path onnx = tmp.resolve("plain.onnx");
        assertEquals(LaminaCli.OK, run(out, "export", run.toString(), "--format", "onnx", "--to", onnx.toString()),
                err.toString());
        assertTrue(Files.size(onnx) > 800_000, "218,490 float parameters: " + Files.size(onnx));
        assertTrue(out.toString().contains("outputs 'logits' and 'probabilities' (batch, 10)"), out.toString());
    }

    @Test
    void badInputIsAUsageErrorNamingIt() {
        assertEquals(LaminaCli.USAGE, run(new StringWriter(), "predict", tmp.toString(), pngs.toString()));
        assertTrue(err.toString().contains("is not a saved Lamina model"), err.toString());
        assertEquals(LaminaCli.USAGE, run(new StringWriter(), "predict", run.resolve("model").toString(),
                tmp.resolve("missing.png").toString()));
        assertTrue(err.toString().contains("no such image file or directory: "), err.toString());
        assertEquals(LaminaCli.USAGE, run(new StringWriter(), "export", pngs.toString(), "--to",
                tmp.resolve("x").toString()));
        assertTrue(err.toString().contains("does not say which model it trained"), err.toString());
    }
}
