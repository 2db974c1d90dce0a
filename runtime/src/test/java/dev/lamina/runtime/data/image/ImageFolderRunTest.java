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

    /**
     * Issue 21: every field of {@value ImageFolderRun#FILE} is checked on read (type, range, finite,
     * paths), and a bad one is one line naming the file and the field; before, e.g. a
     * {@code test_fraction} of -1 or NaN, an unknown {@code split}, a relative {@code data} or
     * unsorted {@code classes} were read as they were.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "format          | \"lamina-image-folder-9\"    | \"format\"",
        "format          | 1                              | \"format\"",
        "data            | \"photos\"                   | \"data\" must be the folder's absolute path",
        "data            | 7                              | \"data\"",
        "split           | \"both\"                     | \"split\" must be fraction or folders",
        "resize          | \"squash\"                   | \"resize\": unknown resize policy 'squash'",
        "skip_bad_images | \"yes\"                      | \"skip_bad_images\"",
        "test_fraction   | -1                             | \"test_fraction\" is -1.0, outside (0, 1)",
        "test_fraction   | 1                              | \"test_fraction\"",
        "test_fraction   | \"NaN\"                      | \"test_fraction\" must be a finite number",
        "test_fraction   | \"0.2\"                      | \"test_fraction\"",
        "split_seed      | 1.5                            | \"split_seed\" must be a whole number",
        "split_seed      | \"42\"                       | \"split_seed\"",
        "classes         | []                             | \"classes\" names no class",
        "classes         | [\"b\", \"a\"]             | \"classes\": a is out of order or named twice",
        "classes         | [\"a\", \"a\"]             | \"classes\": a is out of order or named twice",
        "classes         | [\"a\", \"../x\"]          | \"classes\": ../x is not the name of a class folder",
        "classes         | [\"a\", 3]                   | \"classes\": 3 is not the name of a class folder",
        "classes         | \"a,b\"                      | \"classes\" is not a JSON array",
        "test_set        | {\"images\": -1, \"sha256\": \"00\"} | \"test_set\": \"images\" is -1",
        "test_set        | {\"images\": 3, \"sha256\": \"xyz\"} | \"test_set\": \"sha256\" is not 64 hex digits",
        "test_set        | {\"images\": 2.5}            | \"test_set\": \"images\" must be a whole number",
        "test_set        | null                           | \"test_set\" is not a JSON object",
    })
    void everyFieldOfTheRecordIsChecked(String field, String value, String named) throws Exception {
        Path run = tmp.resolve("run");
        load(folder(), TRAINED).writeRunFiles(run);
        Path file = run.resolve(ImageFolderRun.FILE);
        java.util.Map<String, Object> json = dev.lamina.runtime.io.Json.asObject(
                dev.lamina.runtime.io.Json.parse(Files.readString(file)), "record");
        json.put(field, dev.lamina.runtime.io.Json.parse(value));
        Files.writeString(file, dev.lamina.runtime.io.Json.write(json));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolderRun.read(run));
        assertTrue(e.getMessage().startsWith(file + " cannot be read ("), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aClassesTxtWithAClassTwiceIsRefusedNamingIt() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("old-run"));
        Path classes = Files.writeString(run.resolve(ImageFolders.CLASSES_FILE), "a\nb\na\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolderRun.read(run));
        assertTrue(e.getMessage().startsWith(classes + " cannot be read (a line: a is out of order"), e.getMessage());
    }
}
