package dev.lamina.examples.experiment;

import java.nio.file.Files;
import java.nio.file.Path;

/** The small real Fashion-MNIST fixture committed with the runtime module (600 train, 200 test). */
public final class Fixture {
    private Fixture() {
    }

    /** Its directory, relative to the examples module (where Maven runs the tests). */
    public static Path fashionMnistSmall() {
        Path dir = Path.of("../runtime/src/test/resources/fixtures/fashion-mnist-small");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("test fixture missing: " + dir.toAbsolutePath());
        }
        return dir;
    }
}
