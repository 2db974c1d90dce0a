package dev.lamina.runtime.data.cifar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.IdxWriter;
import dev.lamina.runtime.data.LabeledImages;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

    @TempDir
    Path dir;

    /**
     * One record: the label bytes, then a red plane whose pixel (y, x) is (y + x) % 256, a green
     * plane of {@code 100 + tag} and a blue plane of {@code 200 + tag}.
     */
    private static byte[] record(int tag, int... labelBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int label : labelBytes) {
            out.write(label);
        }
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                out.write((y + x) % 256);
            }
        }
        for (int i = 0; i < 1024; i++) {
            out.write(100 + tag);
        }
        for (int i = 0; i < 1024; i++) {
            out.write(200 + tag);
        }
        return out.toByteArray();
    }

    private static byte[] records(byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    private void writeCifar10(Path base) {
        for (int i = 1; i <= 5; i++) {
            IdxWriter.write(base.resolve("data_batch_" + i + ".bin"),
                    records(record(i, i), record(i, 9 - i)), false);
        }
        IdxWriter.write(base.resolve("test_batch.bin"), records(record(7, 3)), true);
    }

    @Test
    void cifar10PixelsLandInTheirChannelPlanes() {
        writeCifar10(dir.resolve(CifarFiles.CIFAR10_SUBDIR));
        DataSplits splits = DatasetKind.CIFAR10.at(dir).load();
        LabeledImages train = LabeledImages.copyOf(splits.train());
        assertEquals(10, train.size());
        assertEquals(3, train.channels());
        assertEquals(32, train.height());
        assertEquals(10, train.classes());
        assertArrayEquals(new int[] {1, 8, 2, 7, 3, 6, 4, 5, 5, 4}, train.labels());
        float[] x = train.images();
        int second = 2 * 3072; // first record of data_batch_2
        assertEquals((3 + 5) / 255f, x[second + 3 * 32 + 5]); // red (3, 5)
        assertEquals(102 / 255f, x[second + 1024 + 77]); // green
        assertEquals(202 / 255f, x[second + 2048 + 1023]); // blue
        assertEquals(1, LabeledImages.copyOf(splits.test()).size());
        assertEquals(3, LabeledImages.copyOf(splits.test()).labels()[0]);
        assertEquals(207 / 255f, LabeledImages.copyOf(splits.test()).images()[2048]);
    }

    @Test
    void cifar100UsesTheFineLabel() {
        IdxWriter.write(dir.resolve("train.bin"), records(record(0, 3, 42), record(1, 19, 99)),
                false);
        IdxWriter.write(dir.resolve("test.bin"), records(record(2, 0, 7)), false);
        DataSplits splits = DatasetKind.CIFAR100.at(dir).load();
        assertEquals(100, LabeledImages.copyOf(splits.train()).classes());
        assertArrayEquals(new int[] {42, 99}, LabeledImages.copyOf(splits.train()).labels());
        assertEquals(101 / 255f, LabeledImages.copyOf(splits.train()).images()[3072 + 1024]);
        assertArrayEquals(new int[] {7}, LabeledImages.copyOf(splits.test()).labels());
    }

    @Test
    void partialRecordIsTruncation() {
        writeCifar10(dir);
        byte[] whole = records(record(0, 1), record(0, 2));
        Path cut = IdxWriter.write(dir.resolve("data_batch_3.bin"),
                Arrays.copyOf(whole, whole.length - 1), false);
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetKind.CIFAR10.at(dir).load());
        assertEquals(Problem.TRUNCATED, e.problem());
        assertEquals(cut, e.file());
        assertTrue(e.getMessage().contains("3073-byte records"), e.getMessage());
    }

    @Test
    void cifar100FileReadAsCifar10IsCaughtBySize() {
        Path file = IdxWriter.write(dir.resolve("one"), record(0, 1, 2), false);
        DatasetException e = assertThrows(DatasetException.class,
                () -> CifarReader.read(java.util.List.of(file), "x", 1, 10));
        assertEquals(Problem.TRUNCATED, e.problem());
    }

    @Test
    void labelOutOfRangeNamesFileAndRecord() {
        writeCifar10(dir);
        Path bad = IdxWriter.write(dir.resolve("test_batch.bin"), records(record(0, 1),
                record(0, 10)), false);
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetKind.CIFAR10.at(dir).load());
        assertEquals(Problem.LABEL_OUT_OF_RANGE, e.problem());
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("label 10 of example 1"), e.getMessage());
    }

    @Test
    void missingFileListsBothPlacesSearched() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetKind.CIFAR100.at(dir).load());
        assertEquals(Problem.MISSING_FILE, e.problem());
        assertTrue(e.getMessage().contains(dir.resolve("train.bin").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(
                dir.resolve(CifarFiles.CIFAR100_SUBDIR).resolve("train.bin").toString()),
                e.getMessage());
    }
}
