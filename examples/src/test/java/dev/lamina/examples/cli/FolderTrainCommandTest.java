package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina train MODEL --dataset folder --data DIR}, then {@code lamina eval} on the same folder. */
class FolderTrainCommandTest {

    @TempDir
    Path dir;

    /** Bright top half ("up") or bright bottom half ("down"), 32x32 RGB JPEGs and PNGs with noise. */
    private Path folder() throws IOException {
        Random random = new Random(5);
        Path data = dir.resolve("photos");
        for (String cls : new String[] {"up", "down"}) {
            Files.createDirectories(data.resolve(cls));
            for (int i = 0; i < 40; i++) {
                BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        boolean bright = cls.equals("up") ? y < 16 : y >= 16;
                        int v = Math.max(0, Math.min(255, (bright ? 200 : 50) + (int) (40 * random.nextGaussian())));
                        image.setRGB(x, y, v << 16 | v << 8 | v);
                    }
                }
                String format = i % 2 == 0 ? "png" : "jpg";
                ImageIO.write(image, format, data.resolve(cls).resolve(i + "." + format).toFile());
            }
        }
        return data;
    }

    @Test
    void trainsOnAFolderSavesTheClassNamesAndEvalReadsTheSameTestSplit() throws IOException {
        Path data = folder();
        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", "Plain", "--dataset", "folder", "--data", data.toString(),
                "--resize", "stretch", "--epochs", "2", "--batch-size", "16", "--device", "cpu",
                "--out", out.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        String printed = train.out();
        assertTrue(printed.contains("2 classes: down, up"), printed);
        assertTrue(printed.contains("(58 training, 6 validation, 16 test images)"), printed);
        assertEquals("down\nup\n", Files.readString(out.resolve("classes.txt")));
        double accuracy = Double.parseDouble(printed.replaceAll("(?s).*Final test accuracy: ([0-9.]+).*", "$1"));
        assertTrue(accuracy >= 0.9, "top/bottom brightness is learned from 28x28 grey conversions: " + printed);

        CliRun eval = CliRun.of("eval", "Plain", "--dataset", "folder", "--data", data.toString(),
                "--resize", "stretch", "--checkpoint", out.toString(), "--device", "cpu");
        assertEquals(LaminaCli.OK, eval.code(), eval.both());
        assertTrue(eval.out().contains("16 images"), eval.out());
        assertTrue(eval.out().lines().anyMatch(l -> l.startsWith("down ")), eval.out());
    }

    @Test
    void aBadFileStopsBeforeTrainingUnlessSkippedAndThenIsListed() throws IOException {
        Path data = folder();
        Path broken = Files.writeString(data.resolve("up/readme.txt"), "taken with my phone");
        Path out = dir.resolve("run");
        CliRun stopped = CliRun.of("train", "Plain", "--dataset", "folder", "--data",
                data.toString(), "--resize", "stretch", "--epochs", "1", "--device", "cpu", "--out", out.toString());
        assertEquals(LaminaCli.USAGE, stopped.code(), stopped.both());
        assertTrue(stopped.err().contains(broken + ": is not an image"), stopped.err());
        assertFalse(stopped.out().contains("epoch 1"), stopped.out());

        CliRun skipped = CliRun.of("train", "Plain", "--dataset", "folder", "--data",
                data.toString(), "--resize", "stretch", "--skip-bad-images", "--epochs", "1", "--device", "cpu",
                "--out", out.toString());
        assertEquals(LaminaCli.OK, skipped.code(), skipped.both());
        assertTrue(skipped.out().contains("Skipped 1 bad file(s) or folder(s)"), skipped.out());
        assertTrue(Files.readString(out.resolve("skipped-images.txt")).startsWith(broken + "\t"));
    }

    @Test
    void withoutAResizePolicyOtherSizesAreRefusedNamingBoth() throws IOException {
        Path data = folder();
        CliRun run = CliRun.of("train", "Plain", "--dataset", "folder", "--data",
                data.toString(), "--epochs", "1", "--device", "cpu", "--out", dir.resolve("run").toString());
        assertEquals(LaminaCli.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("the image is 32x32 (height x width) but the model takes 28x28"), run.err());
    }

    @Test
    void evalReadsTheFolderAsTheRunTrainedOnItAndTestsOnTheSameImages() throws IOException {
        Path data = folder();
        Path out = dir.resolve("run");
        // split options other than the defaults, and no validation set: the last epoch's model is
        // what train's final test accuracy measures and what eval evaluates
        CliRun train = CliRun.of("train", "Plain", "--dataset", "folder", "--data", data.toString(),
                "--resize", "stretch", "--test-fraction", "0.3", "--split-seed", "7", "--validation", "0",
                "--epochs", "1", "--batch-size", "16", "--device", "cpu", "--out", out.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        assertTrue(train.out().contains("(56 training, 0 validation, 24 test images)"), train.out());
        double trained = CliRun.number(train.out(), "Final test accuracy: ([0-9.]+)");

        // neither the model nor the folder nor its options are repeated: they come from the run
        CliRun eval = CliRun.of("eval", "--checkpoint", out.toString(), "--device", "cpu");
        assertEquals(LaminaCli.OK, eval.code(), eval.both());
        assertTrue(eval.out().contains("--resize stretch, --test-fraction 0.3, --split-seed 7"), eval.out());
        assertTrue(eval.out().contains("24 images"), eval.out());
        assertEquals(trained, CliRun.number(eval.out(), "accuracy ([0-9.]+), loss"), 1e-4, eval.out());

        CliRun otherSeed = CliRun.of("eval", "Plain", "--checkpoint", out.toString(), "--split-seed", "8",
                "--device", "cpu");
        assertEquals(LaminaCli.USAGE, otherSeed.code(), otherSeed.both());
        assertEquals(1, otherSeed.err().strip().lines().count(), otherSeed.err());
        assertTrue(otherSeed.err().contains("--split-seed 8 differs from the 7 the run in " + out
                + " was trained with"), otherSeed.err());

        // the saved model converts images as training did: 32x32 files are stretched without --resize
        Path model = out.resolve("model");
        assertTrue(Files.readString(model.resolve("lamina-model.json")).contains("\"resize\": \"stretch\""));
        CliRun predict = CliRun.of("predict", model.toString(), data.resolve("up").toString());
        assertEquals(LaminaCli.OK, predict.code(), predict.both());
        assertTrue(predict.out().contains("other sizes resized by stretch as in training; 40 image(s)"), predict.out());
        assertTrue(predict.out().contains("of 40 images right"), predict.out());
    }

    @Test
    void resumingReadsTheRunsFolderAndARenamedOrAddedClassFolderIsRefusedBeforeEvaluating() throws IOException {
        Path data = folder();
        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", "Plain", "--dataset", "folder", "--data", data.toString(),
                "--resize", "stretch", "--epochs", "1", "--limit-batches", "1", "--device", "cpu",
                "--out", out.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        // resuming reads the folder as the run did, without repeating --dataset, --data or --resize
        CliRun resumed = CliRun.of("train", "Plain", "--resume", out.toString(), "--epochs", "2", "--limit-batches",
                "1", "--device", "cpu");
        assertEquals(LaminaCli.OK, resumed.code(), resumed.both());
        assertTrue(resumed.out().contains("resuming from " + out + " after epoch 1 of 2"), resumed.out());

        Files.move(data.resolve("up"), data.resolve("upper"));
        CliRun renamed = CliRun.of("eval", "Plain", "--checkpoint", out.toString(), "--device", "cpu");
        assertEquals(LaminaCli.USAGE, renamed.code(), renamed.both());
        assertEquals(1, renamed.err().strip().lines().count(), renamed.err());
        assertTrue(renamed.err().contains("now has the classes [down, upper] but the run in " + out
                + " was trained on [down, up]"), renamed.err());
        assertFalse(renamed.out().contains("accuracy"), renamed.out());

        Files.move(data.resolve("upper"), data.resolve("up"));
        Files.createDirectories(data.resolve("sideways"));
        try (var files = Files.list(data.resolve("up"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve("sideways").resolve(f.getFileName()));
            }
        }
        CliRun added = CliRun.of("eval", "Plain", "--checkpoint", out.toString(), "--device", "cpu");
        assertEquals(LaminaCli.USAGE, added.code(), added.both());
        assertTrue(added.err().contains("new: [sideways]"), added.err());
    }
}
