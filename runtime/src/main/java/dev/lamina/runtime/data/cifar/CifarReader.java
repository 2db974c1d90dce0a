package dev.lamina.runtime.data.cifar;

import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.DatasetFiles;
import dev.lamina.runtime.data.LabeledImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary version of CIFAR-10 and CIFAR-100: fixed-size records, each of
 * {@code labelBytes} label bytes (CIFAR-10: 1; CIFAR-100: 2, coarse then fine) followed by 3072
 * pixel bytes, the 32x32 red plane, then green, then blue. The planes are already channels-first,
 * so they are copied as they are. The last label byte is the one used.
 */
public final class CifarReader {

    /** Channels, height and width of every CIFAR image. */
    public static final int CHANNELS = 3;
    /** Image height. */
    public static final int SIZE = 32;
    /** Pixel bytes per record. */
    public static final int PIXELS = CHANNELS * SIZE * SIZE;

    private CifarReader() {}

    /**
     * Reads and concatenates record files (gzipped or raw) into one {@link LabeledImages}.
     *
     * @param name what the set is, for messages (e.g. {@code "cifar10 train"})
     * @param labelBytes label bytes before each image; the last one is the label
     * @param classes labels must lie in [0, classes)
     * @throws DatasetException when a file is missing, empty, not a whole number of records, or
     *     holds a label out of range
     */
    public static LabeledImages read(List<Path> files, String name, int labelBytes, int classes) {
        int record = labelBytes + PIXELS;
        List<byte[]> contents = new ArrayList<>(files.size());
        long total = 0;
        for (Path file : files) {
            byte[] bytes = DatasetFiles.readAll(file);
            if (bytes.length == 0 || bytes.length % record != 0) {
                throw new DatasetException(Problem.TRUNCATED, file, "holds " + bytes.length
                        + " bytes, which is not a whole, non-zero number of " + record + "-byte"
                        + " records (" + labelBytes + " label byte(s) + " + PIXELS + " pixels); the"
                        + " file is truncated or is not a CIFAR binary file of this kind");
            }
            contents.add(bytes);
            total += bytes.length / record;
        }
        if (total * PIXELS > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": " + total + " images do not fit in memory");
        }
        float[] pixels = new float[(int) total * PIXELS];
        int[] labels = new int[(int) total];
        int example = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] bytes = contents.get(f);
            for (int offset = 0; offset < bytes.length; offset += record, example++) {
                int label = bytes[offset + labelBytes - 1] & 0xff;
                DatasetFiles.checkLabel(files.get(f), offset / record, label, classes);
                labels[example] = label;
                DatasetFiles.toUnitFloats(bytes, offset + labelBytes, pixels, example * PIXELS,
                        PIXELS);
            }
        }
        return new LabeledImages(name, CHANNELS, SIZE, SIZE, classes, pixels, labels);
    }
}
