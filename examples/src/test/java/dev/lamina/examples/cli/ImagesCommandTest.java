package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.image.ImageConversion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina images}: a built-in dataset's images as PNG class folders, to predict on or train from. */
class ImagesCommandTest {
    @TempDir
    Path tmp;

    private static String data() {
        return Fixture.fashionMnistSmall().toString();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void writesTheFirstImagesOfTheSplitWithTheirExactPixelsIntoLabelledClassFolders() throws Exception {
        Path to = tmp.resolve("test-images");
        CliRun run = CliRun.of("images", "--data", data(), "--split", "test", "--limit", "12", "--to", to.toString());
        assertEquals(LaminaCli.OK, run.code(), run.both());
        assertTrue(run.out().contains("Wrote 12 PNG image(s) of the fashion-mnist test set (images 0 to 11)"), run.out());

        LabeledImages test = LabeledImages.copyOf(Datasets.load("fashion-mnist", Fixture.fashionMnistSmall()).test());
        List<Path> written = files(to);
        assertEquals(12, written.size(), written.toString());
        for (int i = 0; i < 12; i++) {
            String name = String.format("%05d.png", i);
            Path file = written.stream().filter(f -> f.getFileName().toString().equals(name)).findFirst().orElseThrow();
            // the folder is <label>-<class name>, which predict reads the label from
            assertTrue(file.getParent().getFileName().toString().startsWith(test.labels()[i] + "-"), file.toString());
            float[] expected = Arrays.copyOfRange(test.images(), i * 784, (i + 1) * 784);
            assertArrayEquals(expected, ImageConversion.toChw(file, 1, 28, 28), 0f, file.toString());
        }
    }

    @Test
    void badOptionsAreOneLineUsageErrorsAndWriteNothing() throws Exception {
        Path to = tmp.resolve("never");
        for (String[] args : List.of(
                new String[] {"--split", "val"},
                new String[] {"--limit", "-1"},
                new String[] {"--dataset", "folder"},
                new String[] {"--dataset", "imagenet"})) {
            String[] full = Stream.concat(Stream.of("images", "--data", data(), "--to", to.toString()),
                    Arrays.stream(args)).toArray(String[]::new);
            CliRun run = CliRun.of(full);
            assertEquals(LaminaCli.USAGE, run.code(), String.join(" ", args) + ": " + run.both());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("lamina images: "), run.err());
            assertFalse(Files.exists(to), "nothing written for " + String.join(" ", args));
        }
        CliRun noDefault = CliRun.of("images", "--dataset", "cifar10", "--to", to.toString());
        assertEquals(LaminaCli.USAGE, noDefault.code(), noDefault.both());
        assertTrue(noDefault.err().contains("cifar10 has no default directory"), noDefault.err());
        assertFalse(Files.exists(to));
        CliRun missingTo = CliRun.of("images", "--data", data());
        assertEquals(LaminaCli.USAGE, missingTo.code(), missingTo.both());
    }

    @Test
    void aNonEmptyDirectoryIsRefusedAndKeptAsItWasAnEmptyOneIsFilled() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Path kept = Files.writeString(mine.resolve("notes.txt"), "my notes");
        CliRun refused = CliRun.of("images", "--data", data(), "--limit", "3", "--to", mine.toString());
        assertEquals(LaminaCli.USAGE, refused.code(), refused.both());
        assertTrue(refused.err().contains("--to " + mine + " is not empty (it holds notes.txt)"), refused.err());
        assertEquals(List.of(kept), files(mine));
        assertEquals("my notes", Files.readString(kept));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun filled = CliRun.of("images", "--data", data(), "--split", "train", "--limit", "3", "--to", empty.toString());
        assertEquals(LaminaCli.OK, filled.code(), filled.both());
        assertEquals(3, files(empty).size());
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no staging folder left");
        }

        // a link to an empty directory stays a link, and the images land in the directory it names
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        CliRun viaLink = CliRun.of("images", "--data", data(), "--limit", "2", "--to", link.toString());
        assertEquals(LaminaCli.OK, viaLink.code(), viaLink.both());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(2, files(real).size());
        try (Stream<Path> left = Files.list(real)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no staging folder left");
        }
    }
}
