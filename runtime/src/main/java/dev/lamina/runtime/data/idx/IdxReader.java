package dev.lamina.runtime.data.idx;

import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.DatasetFiles;
import dev.lamina.runtime.data.LabeledImages;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a big-endian magic number
 * ({@code 0x00000803} for unsigned-byte images of rank 3, {@code 0x00000801} for unsigned-byte
 * labels of rank 1), one 32-bit size per dimension, then the bytes. Files may be gzipped or raw;
 * the gzip magic decides, not the file name. Every inconsistency is a {@link DatasetException}
 * naming the file.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /** Pixels of an images file, scaled to [0, 1], image after image, row-major. */
    public record Images(int count, int rows, int cols, float[] pixels) {}

    /**
     * Reads an images file and its labels file into one single-channel {@link LabeledImages}.
     *
     * @param name what the set is, for messages (e.g. {@code "fashion-mnist train"})
     * @param classes labels must lie in [0, classes)
     * @throws DatasetException when either file is missing or damaged, or their counts differ
     */
    public static LabeledImages read(Path imagesFile, Path labelsFile, String name, int classes) {
        Images images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile, classes);
        if (images.count() != labels.length) {
            throw new DatasetException(Problem.COUNT_MISMATCH, labelsFile, "holds " + labels.length
                    + " labels but " + imagesFile + " holds " + images.count() + " images; the two"
                    + " files must come from the same split of the same dataset");
        }
        return new LabeledImages(name, 1, images.rows(), images.cols(), classes, images.pixels(),
                labels);
    }

    /**
     * Reads an images file ({@link #IMAGES_MAGIC}).
     *
     * @throws DatasetException on a wrong magic number, an impossible header or a wrong size
     */
    public static Images readImages(Path file) {
        int headerBytes = 16;
        byte[] bytes = DatasetFiles.readAll(file, headerBytes, head -> imagesSize(file, head));
        ByteBuffer header = header(file, bytes, IMAGES_MAGIC, 3);
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int cols = header.getInt(12);
        long expected = imagesSize(file, bytes);
        checkSize(file, bytes, expected, count + " images of " + rows + "x" + cols + " pixels");
        float[] pixels = new float[count * rows * cols];
        DatasetFiles.toUnitFloats(bytes, headerBytes, pixels, 0, pixels.length);
        return new Images(count, rows, cols, pixels);
    }

    /** The size an images file's header promises (the header checked), in bytes. */
    private static long imagesSize(Path file, byte[] head) {
        ByteBuffer header = header(file, head, IMAGES_MAGIC, 3);
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int cols = header.getInt(12);
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new DatasetException(Problem.BAD_HEADER, file, "header describes " + count
                    + " images of " + rows + "x" + cols + " pixels, which is impossible");
        }
        long pixels = (long) count * rows * cols;
        // the bytes plus their floats (4 bytes each) must fit in this JVM's heap
        long needed = pixels * 5;
        long max = Runtime.getRuntime().maxMemory();
        if (pixels > Integer.MAX_VALUE - 8 || needed > max) {
            throw new DatasetException(Problem.BAD_HEADER, file, String.format(java.util.Locale.ROOT,
                    "header describes %d images of %dx%d pixels, which need %.1f GiB of memory to read,"
                            + " more than %s; if the file is genuine, give the JVM more memory (-Xmx) or use"
                            + " a subset, else the header is damaged", count, rows, cols, needed / (double) (1L << 30),
                    pixels > Integer.MAX_VALUE - 8 ? "one Java array can hold"
                            : String.format(java.util.Locale.ROOT, "this JVM's maximum of %.1f GiB",
                                    max / (double) (1L << 30))));
        }
        return 16 + pixels;
    }

    /**
     * Reads a labels file ({@link #LABELS_MAGIC}).
     *
     * @param classes every label must lie in [0, classes)
     * @throws DatasetException on a wrong magic number, a wrong size or a label out of range
     */
    public static int[] readLabels(Path file, int classes) {
        int headerBytes = 8;
        byte[] bytes = DatasetFiles.readAll(file, headerBytes, head -> labelsSize(file, head));
        ByteBuffer header = header(file, bytes, LABELS_MAGIC, 1);
        int count = header.getInt(4);
        labelsSize(file, bytes);
        checkSize(file, bytes, headerBytes + (long) count, count + " labels");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[headerBytes + i] & 0xff;
            DatasetFiles.checkLabel(file, i, labels[i], classes);
        }
        return labels;
    }

    /** The size a labels file's header promises (the header checked), in bytes. */
    private static long labelsSize(Path file, byte[] head) {
        int count = header(file, head, LABELS_MAGIC, 1).getInt(4);
        if (count < 0) {
            throw new DatasetException(Problem.BAD_HEADER, file, "header describes " + count
                    + " labels, which is impossible");
        }
        // the bytes plus an int each must fit in this JVM's heap (as for images)
        long needed = count * 5L;
        long max = Runtime.getRuntime().maxMemory();
        if (needed > max) {
            throw new DatasetException(Problem.BAD_HEADER, file, String.format(java.util.Locale.ROOT,
                    "header describes %d labels, which need %.1f GiB of memory to read, more than this"
                            + " JVM's maximum of %.1f GiB; if the file is genuine, give the JVM more memory"
                            + " (-Xmx), else the header is damaged", count, needed / (double) (1L << 30),
                    max / (double) (1L << 30)));
        }
        return 8L + count;
    }

    private static ByteBuffer header(Path file, byte[] bytes, int magic, int dims) {
        int headerBytes = 4 + 4 * dims;
        if (bytes.length < 4) {
            throw new DatasetException(Problem.TRUNCATED, file, "holds " + bytes.length
                    + " bytes, too few for the 4-byte IDX magic number; the file is truncated");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes); // big-endian, as IDX is
        int found = buffer.getInt(0);
        if (found != magic) {
            throw new DatasetException(Problem.BAD_MAGIC, file, "wrong magic number: expected "
                    + hex(magic) + " (" + describe(magic) + "), found " + hex(found) + " ("
                    + describe(found) + "); pass the matching IDX file");
        }
        if (bytes.length < headerBytes) {
            throw new DatasetException(Problem.TRUNCATED, file, "holds " + bytes.length
                    + " bytes, too few for its " + headerBytes + "-byte header; the file is"
                    + " truncated");
        }
        return buffer;
    }

    private static void checkSize(Path file, byte[] bytes, long expected, String contents) {
        if (bytes.length != expected) {
            String verdict = bytes.length < expected ? "the file is truncated; download it again"
                    : "the file has trailing bytes and is not a valid IDX file";
            throw new DatasetException(Problem.TRUNCATED, file, "expected " + expected
                    + " bytes (header + " + contents + ") but it holds " + bytes.length
                    + " bytes (counted after decompression); " + verdict);
        }
    }

    static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static String describe(int magic) {
        return switch (magic) {
            case IMAGES_MAGIC -> "IDX images: unsigned bytes, 3 dimensions";
            case LABELS_MAGIC -> "IDX labels: unsigned bytes, 1 dimension";
            default -> "not an IDX images or labels file";
        };
    }
}
