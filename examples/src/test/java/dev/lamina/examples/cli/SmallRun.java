package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.examples.experiment.Fixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A run that trains in seconds (Plain, one epoch of a few batches of the fixture), and images for it. */
final class SmallRun {

    private SmallRun() {}

    /** Trains {@code batches} batches of 64 into {@code out} with {@code lamina train}; fails the test if it fails. */
    static Path train(Path out, int batches) {
        CliRun train = CliRun.of("train", "Plain", "--epochs", "1", "--batch-size", "64", "--limit-batches",
                String.valueOf(batches), "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu",
                "--out", out.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        return out;
    }

    /** Writes a black grey-scale PNG of {@code height x width}. */
    static Path png(Path file, int height, int width) throws IOException {
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        return file;
    }
}
