package dev.lamina.examples.compat;

import dev.lamina.examples.cli.LaminaCli;
import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.image.ImageFolderExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the run directory kept in {@code src/test/resources/compat/main-764f090/}: run once, with
 * the code of main 764f090, to make the files {@link RunDirectoryCompatibilityTest} reads with
 * today's code. Skipped unless asked for: {@code mvn -B -o -pl examples -am test
 * -Dtest=CompatFixtureWriter -Dsurefire.failIfNoSpecifiedTests=false -Dcompat.write=DIR}.
 */
class CompatFixtureWriter {
    @Test
    @EnabledIfSystemProperty(named = "compat.write", matches = ".+")
    void write() throws IOException {
        Path out = Path.of(System.getProperty("compat.write"));
        if (Files.exists(out)) {
            throw new IllegalStateException(out + " exists; give a new directory");
        }
        int code = LaminaCli.newCommandLine().execute("train", CompatTiny.class.getName(), "--epochs", "2",
                "--batch-size", "32", "--limit-batches", "3", "--seed", "42", "--data",
                Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--out", out.resolve("run").toString());
        if (code != 0) {
            throw new IllegalStateException("lamina train exited " + code);
        }
        Path images = out.resolve("images");
        writeImages(images);
        code = LaminaCli.newCommandLine().execute("train", CompatTiny.class.getName(), "--dataset", "folder",
                "--data", images.toString(), "--epochs", "2", "--batch-size", "32", "--limit-batches", "2",
                "--device", "cpu", "--out", out.resolve("folder-run").toString());
        if (code != 0) {
            throw new IllegalStateException("lamina train --dataset folder exited " + code);
        }
    }

    /** The fixture's 200 test images as a folder of PNGs, one sub-folder per class (deterministic). */
    static void writeImages(Path dir) throws IOException {
        ImageFolderExport.write(LabeledImages.copyOf(Datasets.load("fashion-mnist", Fixture.fashionMnistSmall()).test()),
                DatasetKind.FASHION_MNIST.classNames(), dir);
    }
}
