package dev.lamina.runtime.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Fixtures;
import dev.lamina.runtime.data.IdxWriter;
import dev.lamina.runtime.data.LabeledImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** Three 2x3 images with pixels 0, 1, ..., 17 and labels 0, 1, 2. */
    private static final byte[] PIXELS = new byte[18];
    private static final byte[] LABELS = {0, 1, 2};

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = (byte) (i == 17 ? 255 : i);
        }
    }

    private Path images(String name, boolean gzip) {
        return IdxWriter.write(dir.resolve(name), IdxWriter.images(3, 2, 3, PIXELS), gzip);
    }

    private Path labels(String name, boolean gzip) {
        return IdxWriter.write(dir.resolve(name), IdxWriter.labels(LABELS), gzip);
    }

    private DatasetException rejects(Problem problem, Runnable read) {
        DatasetException e = assertThrows(DatasetException.class, read::run);
        assertEquals(problem, e.problem(), e.getMessage());
        return e;
    }

    @Test
    void readsRawAndGzippedFilesAlike() {
        LabeledImages raw = IdxReader.read(images("i", false), labels("l", false), "raw", 10);
        LabeledImages gz = IdxReader.read(images("i.gz", true), labels("l.gz", true), "gz", 10);
        assertEquals(3, raw.size());
        assertEquals(1, raw.channels());
        assertEquals(2, raw.height());
        assertEquals(3, raw.width());
        assertArrayEquals(new int[] {0, 1, 2}, raw.labels());
        assertEquals(0f, raw.images()[0]);
        assertEquals(5 / 255f, raw.images()[5]);
        assertEquals(1f, raw.images()[17]);
        assertArrayEquals(raw.images(), gz.images());
        assertArrayEquals(raw.labels(), gz.labels());
    }

    @Test
    void detectsGzipByContentNotByName() {
        LabeledImages swapped = IdxReader.read(images("gzipped-without-suffix", true),
                labels("raw-with-suffix.gz", false), "swapped", 10);
        assertEquals(3, swapped.size());
        assertEquals(1f, swapped.images()[17]);
    }

    @Test
    void readsMultiMemberGzip() throws Exception {
        byte[] whole = IdxWriter.images(3, 2, 3, PIXELS);
        byte[] first = IdxWriter.gzip(Arrays.copyOf(whole, 20));
        byte[] second = IdxWriter.gzip(Arrays.copyOfRange(whole, 20, whole.length));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Path file = Files.write(dir.resolve("members.gz"), both);
        assertArrayEquals(IdxReader.readImages(images("plain", false)).pixels(),
                IdxReader.readImages(file).pixels());
    }

    @Test
    void readsTheDirectoryLayoutWithEitherSuffix() {
        images(MnistFiles.TRAIN_IMAGES + ".gz", true);
        labels(MnistFiles.TRAIN_LABELS, false);
        images(MnistFiles.TEST_IMAGES, false);
        labels(MnistFiles.TEST_LABELS + ".gz", true);
        DataSplits splits = DatasetKind.MNIST.at(dir).load();
        assertEquals(3, LabeledImages.copyOf(splits.train()).size());
        assertEquals(3, LabeledImages.copyOf(splits.test()).size());
        assertEquals("mnist train", LabeledImages.copyOf(splits.train()).name());
    }

    @Test
    void missingFileNamesTheDirectoryAndTheNamesLookedFor() {
        DatasetException e = rejects(Problem.MISSING_FILE,
                () -> DatasetKind.FASHION_MNIST.at(dir).load());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte,")
                || e.getMessage().contains("train-images-idx3-ubyte."), e.getMessage());
    }

    @Test
    void missingDirectoryIsSaidToNotExist() {
        DatasetException e = rejects(Problem.MISSING_FILE,
                () -> DatasetKind.FASHION_MNIST.at(dir.resolve("nowhere")).load());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void wrongMagicShowsExpectedAndFoundInHex() {
        Path swapped = labels("labels-given-as-images", false);
        DatasetException e = rejects(Problem.BAD_MAGIC, () -> IdxReader.readImages(swapped));
        assertTrue(e.getMessage().startsWith(swapped.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0x00000803"), e.getMessage());
        assertTrue(e.getMessage().contains("found 0x00000801"), e.getMessage());
    }

    @Test
    void truncatedImagesGiveExpectedAndActualBytes() {
        byte[] whole = IdxWriter.images(3, 2, 3, PIXELS);
        Path cut = IdxWriter.write(dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length - 5),
                true);
        DatasetException e = rejects(Problem.TRUNCATED, () -> IdxReader.readImages(cut));
        assertTrue(e.getMessage().contains("expected 34 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 29 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedHeaderAndTinyFilesAreTruncated() {
        Path tiny = IdxWriter.write(dir.resolve("tiny"), new byte[] {0, 0}, false);
        rejects(Problem.TRUNCATED, () -> IdxReader.readLabels(tiny, 10));
        byte[] header = Arrays.copyOf(IdxWriter.images(3, 2, 3, PIXELS), 10);
        Path cutHeader = IdxWriter.write(dir.resolve("header"), header, false);
        DatasetException e = rejects(Problem.TRUNCATED, () -> IdxReader.readImages(cutHeader));
        assertTrue(e.getMessage().contains("16-byte header"), e.getMessage());
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] whole = IdxWriter.labels(LABELS);
        Path longer = IdxWriter.write(dir.resolve("longer"), Arrays.copyOf(whole, whole.length + 2),
                false);
        DatasetException e = rejects(Problem.TRUNCATED, () -> IdxReader.readLabels(longer, 10));
        assertTrue(e.getMessage().contains("trailing bytes"), e.getMessage());
    }

    @Test
    void impossibleHeaderIsRejected() {
        Path negative = IdxWriter.write(dir.resolve("negative"),
                IdxWriter.images(-1, 2, 3, new byte[0]), false);
        rejects(Problem.BAD_HEADER, () -> IdxReader.readImages(negative));
    }

    @Test
    void differentCountsNameBothFiles() {
        Path images = images("i", false);
        Path labels = IdxWriter.write(dir.resolve("l"), IdxWriter.labels(new byte[] {0, 1}), false);
        DatasetException e = rejects(Problem.COUNT_MISMATCH,
                () -> IdxReader.read(images, labels, "x", 10));
        assertTrue(e.getMessage().contains("2 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("3 images"), e.getMessage());
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesTheExample() {
        Path labels = IdxWriter.write(dir.resolve("l"), IdxWriter.labels(new byte[] {0, 10, 2}),
                true);
        DatasetException e = rejects(Problem.LABEL_OUT_OF_RANGE,
                () -> IdxReader.readLabels(labels, 10));
        assertTrue(e.getMessage().contains("label 10 of example 1"), e.getMessage());
    }

    @Test
    void corruptGzipIsReported() throws Exception {
        byte[] gz = IdxWriter.gzip(IdxWriter.images(3, 2, 3, PIXELS));
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        DatasetException e = rejects(Problem.CORRUPT_GZIP, () -> IdxReader.readImages(cut));
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
        byte[] garbage = gz.clone();
        Arrays.fill(garbage, 10, garbage.length, (byte) 0x55);
        Path damaged = Files.write(dir.resolve("damaged.gz"), garbage);
        rejects(Problem.CORRUPT_GZIP, () -> IdxReader.readImages(damaged));
    }

    @Test
    void smallRealFixtureHasItsDocumentedContents() {
        DataSplits splits = DatasetKind.FASHION_MNIST.at(Fixtures.fashionMnistSmall()).load();
        LabeledImages train = LabeledImages.copyOf(splits.train());
        assertEquals(Fixtures.FASHION_SMALL_TRAIN, train.size());
        assertEquals(Fixtures.FASHION_SMALL_TEST, LabeledImages.copyOf(splits.test()).size());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        int[] sixtyEach = new int[10];
        Arrays.fill(sixtyEach, 60);
        assertArrayEquals(sixtyEach, train.classCounts());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train.images()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }
}
