package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina predict} on a folder with one image of another size (issue 21 item 20): it used to
 * stop every prediction with "the run failed inside DJL (TranslateException)", exit 1, no file
 * name and no {@code --resize} hint.
 */
class PredictBadImageCommandTest {
    @TempDir
    Path tmp;

    @Test
    void oneImageOfAnotherSizeIsNamedWithTheResizeHintAndTheOthersArePredicted() throws Exception {
        Path run = SmallRun.train(tmp.resolve("run"), 2);
        Path images = Files.createDirectories(tmp.resolve("images"));
        SmallRun.png(images.resolve("a.png"), 28, 28);
        Path big = SmallRun.png(images.resolve("b.png"), 40, 32);
        SmallRun.png(images.resolve("c.png"), 28, 28);

        CliRun predict = CliRun.of("predict", run.resolve("model").toString(), images.toString());

        assertEquals(LaminaCli.USAGE, predict.code(), predict.both());
        assertTrue(predict.err().contains("lamina predict: " + big + ": the image is 40x32 (height x width) but the"
                + " model takes 28x28;") && predict.err().contains("--resize stretch"), predict.err());
        assertTrue(predict.err().contains("1 of 3 image(s) could not be predicted"), predict.err());
        assertTrue(predict.out().contains(images.resolve("a.png") + ": ") && predict.out().contains(images.resolve("c.png") + ": "),
                predict.out());
        assertFalse(predict.both().contains("inside DJL"), predict.both());
    }
}
