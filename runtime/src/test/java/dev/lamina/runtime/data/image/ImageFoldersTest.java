package dev.lamina.runtime.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.data.image.ImageFolders.BadImage;
import dev.lamina.runtime.data.image.ImageFolders.Loaded;
import dev.lamina.runtime.data.image.ImageFolders.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFoldersTest {

    @TempDir
    Path dir;

    /** Writes {@code n} 8x8 grey PNGs into {@code folder}, pixel value {@code base + i}. */
    static void images(Path folder, int base, int n) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < n; i++) {
            int[] pixels = new int[64];
            Arrays.fill(pixels, base + i);
            ImageConversionTest.write(ImageConversionTest.grey(8, 8, pixels), "png",
                    folder.resolve(String.format("img%03d.png", i)));
        }
    }

    private static Options skip() {
        return Options.defaults().withSkipBadImages(true);
    }

    /** The first pixel of every example, i.e. which file it came from. */
    private static int[] ids(ExampleSet set) {
        LabeledImages in = LabeledImages.copyOf(set);
        return IntStream.range(0, in.size()).map(i -> Math.round(in.images()[i * 64] * 255)).toArray();
    }

    @Test
    void classFoldersAreSortedAndSplitStratifiedBySeed() {
        images(dir.resolve("zebra"), 200, 10);
        images(dir.resolve("ant"), 0, 20);
        images(dir.resolve("cat"), 100, 10);
        Loaded data = ImageFolders.load(dir, 1, 8, 8);

        assertEquals(List.of("ant", "cat", "zebra"), data.classNames());
        DataSplits splits = data.splits();
        assertEquals(32, splits.train().size());
        assertEquals(8, splits.test().size());
        assertArrayEquals(new int[] {4, 2, 2}, LabeledImages.copyOf(splits.test()).classCounts(), "20% of each class");
        LabeledImages train = LabeledImages.copyOf(splits.train());
        for (int i = 0; i < train.size(); i++) {
            int pixel = Math.round(train.images()[i * 64] * 255);
            assertEquals(pixel / 100, train.labels()[i], "label follows the class folder");
        }
        Set<Integer> seen = Arrays.stream(ids(splits.train())).boxed().collect(Collectors.toSet());
        Arrays.stream(ids(splits.test())).forEach(id -> assertFalse(seen.contains(id), "no image in both"));
        assertArrayEquals(ids(splits.test()), ids(ImageFolders.load(dir, 1, 8, 8).splits().test()), "same seed");
        assertFalse(Arrays.equals(ids(splits.test()),
                ids(ImageFolders.load(dir, 1, 8, 8, Options.defaults().withSeed(7)).splits().test())));
        assertTrue(data.layout().startsWith("one folder per class, 20%"), data.layout());
    }

    @Test
    void trainAndTestFoldersAreUsedAsGivenAndValBecomesTheValidationSet() {
        images(dir.resolve("train/a"), 0, 3);
        images(dir.resolve("train/b"), 100, 3);
        images(dir.resolve("test/b"), 150, 2);
        DataSplits given = ImageFolders.load(dir, 3, 8, 8).splits();
        assertEquals(6, given.train().size());
        assertNull(given.validation());
        assertArrayEquals(new int[] {1, 1}, given.test().labels(), "test's only class keeps train's label");
        assertEquals(3, given.train().channels(), "grey files feed an RGB model");

        images(dir.resolve("val/a"), 50, 1);
        DataSplits withVal = ImageFolders.load(dir, 1, 8, 8).splits();
        assertEquals(1, withVal.validation().size());
        assertEquals(2, withVal.test().size());
    }

    @Test
    void valAloneIsTheTestSet() {
        images(dir.resolve("train/a"), 0, 2);
        images(dir.resolve("val/a"), 9, 1);
        DataSplits splits = ImageFolders.load(dir, 1, 8, 8).splits();
        assertEquals(1, splits.test().size());
        assertArrayEquals(new int[] {9}, ids(splits.test()));
    }

    @Test
    void aTestClassUnknownToTrainingIsRefused() {
        images(dir.resolve("train/a"), 0, 2);
        images(dir.resolve("test/dog"), 0, 1);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8));
        assertTrue(e.getMessage().startsWith(dir.resolve("test/dog").toString()), e.getMessage());
    }

    @Test
    void hiddenFilesAreIgnored() throws IOException {
        images(dir.resolve("a"), 0, 5);
        images(dir.resolve("b"), 100, 5);
        Files.writeString(dir.resolve("a/.DS_Store"), "finder data");
        assertEquals(10, ImageFolders.load(dir, 1, 8, 8).splits().train().size()
                + ImageFolders.load(dir, 1, 8, 8).splits().test().size());
    }

    @Test
    void aFolderWithoutClassFoldersSaysWhatTheLayoutIs() {
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8));
        assertTrue(e.getMessage().contains("DIR/<class>/<image files>"), e.getMessage());
        DatasetException missing = assertThrows(DatasetException.class,
                () -> ImageFolders.load(dir.resolve("nope"), 1, 8, 8));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    // ---- bad files: each is named; default stops, skipping lists them ----

    private Path goodFolder() {
        images(dir.resolve("a"), 0, 5);
        images(dir.resolve("b"), 100, 5);
        return dir;
    }

    private void assertStopsThenSkips(Path bad, Problem problem, int keptImages, Options options) {
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8, options));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(bad.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("--skip-bad-images"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Loaded loaded = ImageFolders.load(dir, 1, 8, 8, options.withSkipBadImages(true));
        assertEquals(List.of(bad), loaded.skipped().stream().map(BadImage::file).toList());
        assertEquals(problem, loaded.skipped().get(0).problem());
        assertEquals(keptImages, loaded.splits().train().size() + loaded.splits().test().size());
    }

    @Test
    void corruptImage() throws IOException {
        goodFolder();
        byte[] png = Files.readAllBytes(dir.resolve("a/img000.png"));
        for (int i = 40; i < png.length - 12; i++) {
            png[i] = (byte) (png[i] ^ 0x5a); // PNG signature and header intact, data scrambled
        }
        Path bad = Files.write(dir.resolve("a/scrambled.png"), png);
        assertStopsThenSkips(bad, Problem.CORRUPT_IMAGE, 10, Options.defaults());
    }

    @Test
    void truncatedImage() throws IOException {
        goodFolder();
        byte[] png = Files.readAllBytes(dir.resolve("b/img001.png"));
        Path bad = Files.write(dir.resolve("b/cut.png"), Arrays.copyOf(png, png.length / 2));
        assertStopsThenSkips(bad, Problem.CORRUPT_IMAGE, 10, Options.defaults());
    }

    @Test
    void unreadableFile() throws IOException {
        goodFolder();
        Path bad = Files.createSymbolicLink(dir.resolve("a/link.png"), dir.resolve("gone.png"));
        assertStopsThenSkips(bad, Problem.IO, 10, Options.defaults());
    }

    @Test
    void nonImageFile() throws IOException {
        goodFolder();
        Path bad = Files.writeString(dir.resolve("b/labels.csv"), "file,label\n");
        assertStopsThenSkips(bad, Problem.NOT_AN_IMAGE, 10, Options.defaults());
    }

    @Test
    void emptyClassFolder() throws IOException {
        goodFolder();
        Path empty = Files.createDirectories(dir.resolve("c"));
        assertStopsThenSkips(empty, Problem.EMPTY_CLASS, 10, Options.defaults());
        assertEquals(List.of("a", "b"), ImageFolders.load(dir, 1, 8, 8, skip()).classNames(),
                "a skipped empty class is no class");
    }

    @Test
    void mixedSizesAreRefusedUnlessAResizePolicyIsChosen() {
        goodFolder();
        Path bad = ImageConversionTest.write(ImageConversionTest.grey(10, 12, new int[120]), "png",
                dir.resolve("a/big.png"));
        assertStopsThenSkips(bad, Problem.IMAGE_SIZE, 10, Options.defaults());
        Loaded stretched = ImageFolders.load(dir, 1, 8, 8, Options.defaults().withResize(Resize.STRETCH));
        assertTrue(stretched.skipped().isEmpty());
        assertEquals(11, stretched.splits().train().size() + stretched.splits().test().size());
    }

    @Test
    void theMessageCountsEveryBadFile() throws IOException {
        goodFolder();
        Files.writeString(dir.resolve("a/x.txt"), "x");
        Files.writeString(dir.resolve("b/y.txt"), "y");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8));
        assertTrue(e.getMessage().contains("(2 of the 12 files in " + dir + " are bad; fix them, or skip them:"
                + " lamina train --skip-bad-images"), e.getMessage());
    }

    /** Writes {@code n} grey PNGs of {@code h x w} into {@code folder}. */
    private static void sized(Path folder, int n, int h, int w) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < n; i++) {
            ImageConversionTest.write(ImageConversionTest.grey(h, w, new int[h * w]), "png",
                    folder.resolve(String.format("big%03d.png", i)));
        }
    }

    /**
     * Issue 21.24: 375 images of another size in 3 classes were "378 bad file(s) or folder(s)" (the 3
     * classes they emptied counted as well), the message offered --skip-bad-images, and following it
     * led to "holds no class folder with a readable image". Each file is counted once, the classes
     * they empty are not counted as bad files, no skip is offered when it would leave nothing, and
     * the hint it gives instead (--resize) loads the folder.
     */
    @Test
    void whenEveryImageIsOfAnotherSizeTheMessageCountsEachOnceAndOffersResizeNotSkip() throws IOException {
        for (String c : List.of("a", "b", "c")) {
            sized(dir.resolve(c), 5, 10, 12);
        }
        for (Options options : List.of(Options.defaults(), skip())) {
            DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8, options));
            assertEquals(Problem.IMAGE_SIZE, e.problem());
            assertTrue(e.getMessage().startsWith(dir.resolve("a/big000.png") + ": the image is 10x12"), e.getMessage());
            assertTrue(e.getMessage().contains("(15 of the 15 files in " + dir + " are bad, 15 of them of another size;"
                    + " skipping them would leave no image to train on: resize them with --resize stretch or --resize"
                    + " crop (ImageFolders.Options.withResize))"), e.getMessage());
            assertFalse(e.getMessage().contains(" 18 "), e.getMessage());
            assertFalse(e.getMessage().contains("skip them"), e.getMessage());
        }
        DataSplits resized = ImageFolders.load(dir, 1, 8, 8, Options.defaults().withResize(Resize.STRETCH)).splits();
        assertEquals(15, resized.train().size() + resized.test().size(), "the hint works");
    }

    @Test
    void whenResizingLeavesImagesButOthersAreBadBothAreNamed() throws IOException {
        sized(dir.resolve("a"), 3, 10, 12);
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/notes.txt"), "x");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8, skip()));
        assertTrue(e.getMessage().contains("(4 of the 4 files in " + dir + " are bad, 3 of them of another size;"
                + " skipping them would leave no image to train on: resize them with --resize stretch or --resize"
                + " crop (ImageFolders.Options.withResize), and skip the others (--skip-bad-images)"), e.getMessage());
        Loaded followed = ImageFolders.load(dir, 1, 8, 8, skip().withResize(Resize.CROP));
        assertEquals(List.of("a"), followed.classNames(), "the hint works");
    }

    @Test
    void whenEveryFileIsDamagedNoSkipIsOffered() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/x.txt"), "x");
        Files.writeString(dir.resolve("b/y.png"), "not a png");
        for (Options options : List.of(Options.defaults(), skip())) {
            DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8, options));
            assertTrue(e.getMessage().contains("(2 of the 2 files in " + dir + " are bad; skipping them would leave no"
                    + " image to train on: fix them)"), e.getMessage());
            assertFalse(e.getMessage().contains("--skip-bad-images"), e.getMessage());
        }
    }

    @Test
    void someImagesOfAnotherSizeOfferSkipAndResize() throws IOException {
        goodFolder();
        sized(dir.resolve("b"), 2, 10, 12);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8));
        assertTrue(e.getMessage().contains("(2 of the 12 files in " + dir + " are bad, 2 of them of another size;"
                + " fix them, or skip them: lamina train --skip-bad-images, ImageFolders.Options.withSkipBadImages(true);"
                + " or resize those: --resize stretch or --resize crop)"), e.getMessage());
    }

    @Test
    void classNamesAndSkippedFilesAreWrittenToTheRunDirectory() throws IOException {
        goodFolder();
        Files.writeString(dir.resolve("a/notes.txt"), "x");
        Path run = dir.resolveSibling(dir.getFileName() + "-run");
        ImageFolders.load(dir, 1, 8, 8, skip()).writeRunFiles(run);
        assertEquals("a\nb\n", Files.readString(run.resolve(ImageFolders.CLASSES_FILE)));
        String skipped = Files.readString(run.resolve(ImageFolders.SKIPPED_FILE));
        assertTrue(skipped.startsWith(dir.resolve("a/notes.txt") + "\tis not an image"), skipped);
    }

    /**
     * Issue 21.25: a file name with a tab or a line break made {@code skipped-images.txt} lines that
     * split in the wrong place. Both fields are escaped as in a Java string literal, and unescaped
     * they give the name back.
     */
    @Test
    void namesWithATabOrALineBreakStayOneLineOfSkippedImages() throws IOException {
        goodFolder();
        Path tab = Files.writeString(dir.resolve("a/one\ttwo.txt"), "x");
        Path newline = Files.writeString(dir.resolve("b/line\nbreak\\x.txt"), "y");
        Path run = dir.resolveSibling(dir.getFileName() + "-run");
        ImageFolders.load(dir, 1, 8, 8, skip()).writeRunFiles(run);
        List<String> lines = Files.readAllLines(run.resolve(ImageFolders.SKIPPED_FILE));
        assertEquals(2, lines.size(), lines.toString());
        List<Path> named = lines.stream().map(l -> Path.of(ImageFolders.unescapeField(l.split("\t", -1)[0]))).toList();
        assertEquals(List.of(tab, newline), named);
        assertTrue(lines.get(1).contains("line\\nbreak\\\\x.txt"), lines.get(1));
        for (String line : lines) {
            assertEquals(2, line.split("\t", -1).length, line);
        }
        String control = "a\u0001b\\u\rc";
        assertEquals(control, ImageFolders.unescapeField(ImageFolders.escapeField(control)));
    }

    /** Issue 21.25: a link looping back to its folder stopped the load even with --skip-bad-images. */
    @Test
    void aSymbolicLinkLoopIsABadEntryThatCanBeSkipped() throws IOException {
        goodFolder();
        Path loop = Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8));
        assertTrue(e.getMessage().startsWith(loop + ": is a symbolic link to a folder above it (a loop)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(1 folder or link in " + dir + " cannot be listed; fix them, or skip them:"
                + " lamina train --skip-bad-images"), e.getMessage());
        Loaded loaded = ImageFolders.load(dir, 1, 8, 8, skip());
        assertEquals(List.of(loop), loaded.skipped().stream().map(BadImage::file).toList());
        assertEquals(10, loaded.splits().train().size() + loaded.splits().test().size());
    }

    /**
     * Whether this process can read a file whose mode is 000 (root can, and so can a user with
     * CAP_DAC_OVERRIDE): tested on a real file, not decided by the user's name.
     */
    static boolean readsUnreadableFiles(Path scratch) throws IOException {
        Path probe = Files.writeString(scratch.resolve(".mode-000-probe"), "x");
        Files.setPosixFilePermissions(probe, Set.of());
        boolean readable = Files.isReadable(probe); // access(2): true for root whatever the mode
        Files.delete(probe);
        return readable;
    }

    /** Issue 21.25: a class folder without read permission stopped the load even with --skip-bad-images. */
    @Test
    void anUnreadableClassFolderIsABadEntryThatCanBeSkipped() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(readsUnreadableFiles(dir),
                "this user reads files of mode 000 (root), so no folder is unreadable");
        goodFolder();
        Path locked = dir.resolve("c");
        images(locked, 200, 2);
        Files.setPosixFilePermissions(locked, Set.of());
        try {
            DatasetException e = assertThrows(DatasetException.class, () -> ImageFolders.load(dir, 1, 8, 8));
            assertTrue(e.getMessage().startsWith(locked + ": cannot be listed: Permission denied"), e.getMessage());
            assertTrue(e.getMessage().contains("--skip-bad-images"), e.getMessage());
            Loaded loaded = ImageFolders.load(dir, 1, 8, 8, skip());
            assertEquals(List.of(locked), loaded.skipped().stream().map(BadImage::file).toList());
            assertEquals(List.of("a", "b"), loaded.classNames());
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFolderSetReadsTheSameValuesAsTheConversion() {
        goodFolder();
        ImageFolderSet train = (ImageFolderSet) ImageFolders.load(dir, 3, 8, 8).splits().train();
        float[] x = new float[train.exampleSize()];
        int label = train.read(0, x, 0);
        assertArrayEquals(ImageConversion.toChw(train.files().get(0), 3, 8, 8), x);
        assertEquals(train.labels()[0], label);
        assertNotEquals(train.fingerprint(), train.select(train.name(), new int[] {1, 0}).fingerprint(),
                "another order of files is other data");
    }
}
