package dev.lamina.runtime.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.data.image.ImageFolders.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run records about its image folder, and which later reads of the folder it refuses. */
class ImageFolderRunTest {

    @TempDir
    Path tmp;

    private static final Options TRAINED = Options.defaults().withResize(Resize.CROP).withTestFraction(0.3).withSeed(9);

    private Path folder() {
        Path data = tmp.resolve("photos");
        ImageFoldersTest.images(data.resolve("a"), 0, 10);
        ImageFoldersTest.images(data.resolve("b"), 100, 10);
        return data;
    }

    private static ImageFolders.Loaded load(Path data, Options options) {
        return ImageFolders.load(data, 1, 8, 8, options);
    }

    @Test
    void theRunRecordsTheFolderItsOptionsClassesAndTestSet() {
        Path data = folder();
        Path run = tmp.resolve("run");
        load(data, TRAINED).writeRunFiles(run);
        ImageFolderRun read = ImageFolderRun.read(run).orElseThrow();
        assertEquals(data.toAbsolutePath().normalize(), read.data());
        assertEquals(Resize.CROP, read.options().resize());
        assertEquals(0.3, read.options().testFraction());
        assertEquals(9, read.options().seed());
        assertFalse(read.options().skipBadImages());
        assertTrue(read.splitByFraction());
        assertEquals(List.of("a", "b"), read.classNames());
        assertEquals(6, read.testImages());
        read.check(load(data, read.options()), run); // the same folder read the same way passes
        assertTrue(ImageFolderRun.read(tmp).isEmpty(), "no run files: a run on a built-in dataset");
    }

    @Test
    void aMovedFolderIsTheSameDataButOtherClassesOrAnotherSplitAreRefused() throws Exception {
        Path data = folder();
        Path run = tmp.resolve("run");
        load(data, TRAINED).writeRunFiles(run);
        ImageFolderRun read = ImageFolderRun.read(run).orElseThrow();

        Path moved = Files.move(data, tmp.resolve("moved"));
        read.check(load(moved, TRAINED), run);

        InvalidInputException otherSeed = assertThrows(InvalidInputException.class,
                () -> read.check(load(moved, TRAINED.withSeed(10)), run));
        assertTrue(otherSeed.getMessage().contains("could hold images the model trained on"), otherSeed.getMessage());

        ImageFoldersTest.images(moved.resolve("a"), 50, 11); // one image more in class a
        InvalidInputException added = assertThrows(InvalidInputException.class,
                () -> read.check(load(moved, TRAINED), run));
        assertTrue(added.getMessage().contains("(6 images then, 6 now"), added.getMessage());

        Files.move(moved.resolve("b"), moved.resolve("c"));
        InvalidInputException renamed = assertThrows(InvalidInputException.class,
                () -> read.check(load(moved, TRAINED), run));
        assertTrue(renamed.getMessage().contains("now has the classes [a, c] but the run in " + run
                + " was trained on [a, b]"), renamed.getMessage());
        assertTrue(renamed.getMessage().contains("new: [c]; gone: [b]"), renamed.getMessage());
    }

    @Test
    void anOlderRunWithOnlyClassesTxtStillHasItsClassesChecked() throws Exception {
        Path data = folder();
        Path run = Files.createDirectories(tmp.resolve("old-run"));
        Files.writeString(run.resolve(ImageFolders.CLASSES_FILE), "a\nb\n");
        ImageFolderRun read = ImageFolderRun.read(run).orElseThrow();
        assertFalse(read.hasSettings());
        read.check(load(data, Options.defaults()), run);
        Files.move(data.resolve("a"), data.resolve("aa"));
        assertThrows(InvalidInputException.class, () -> read.check(load(data, Options.defaults()), run));
    }
}
