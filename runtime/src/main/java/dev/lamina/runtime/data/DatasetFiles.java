package dev.lamina.runtime.data;

import dev.lamina.runtime.data.DatasetException.Problem;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * File chores shared by the dataset readers: finding a file among the names a format allows,
 * reading it whole (gunzipping it when it starts with the gzip magic, whatever its name), and
 * turning pixel bytes into floats in [0, 1].
 */
public final class DatasetFiles {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_HINT = 1 << 30;
    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < UNIT.length; i++) {
            UNIT[i] = i / 255f;
        }
    }

    private DatasetFiles() {}

    /**
     * Finds the first existing regular file among {@code dir/subdir/name} for every sub-directory
     * (use {@code ""} for {@code dir} itself) and every name, in that order.
     *
     * @param what what the file is, for the message (e.g. {@code "Fashion-MNIST training images"})
     * @param hint what the user can do when it is missing (may be empty)
     * @throws DatasetException {@link Problem#MISSING_FILE} listing every place searched
     */
    public static Path find(Path dir, List<String> subdirs, List<String> names, String what,
                            String hint) {
        List<String> tried = new ArrayList<>();
        for (String subdir : subdirs) {
            Path base = subdir.isEmpty() ? dir : dir.resolve(subdir);
            for (String name : names) {
                Path candidate = base.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
                tried.add(candidate.toString());
            }
        }
        String where = Files.isDirectory(dir) ? "directory " + dir : "directory " + dir
                + " (which does not exist)";
        throw new DatasetException(Problem.MISSING_FILE, null, "missing " + what + " in " + where
                + "; looked for " + tried.stream().collect(Collectors.joining(", "))
                + (hint.isEmpty() ? "" : ". " + hint));
    }

    /**
     * Reads a whole file into memory, decompressing it when its first two bytes are the gzip magic
     * (0x1f 0x8b), so {@code .gz} and raw files are both accepted under any name.
     *
     * @throws DatasetException {@link Problem#MISSING_FILE}, {@link Problem#CORRUPT_GZIP} or
     *     {@link Problem#IO}
     */
    public static byte[] readAll(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(Problem.MISSING_FILE, file, "file not found", e);
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, file, "cannot be read: " + e, e);
        }
        boolean gzip = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        return gzip ? gunzip(file, bytes) : bytes;
    }

    /**
     * Like {@link #readAll(Path)}, but never reads more than the size the file's own header
     * promises, so a small gzip file that expands to gigabytes (a decompression bomb) costs no more
     * memory than the file it claims to be. Reads the first {@code headerBytes} (decompressed),
     * asks {@code expectedSize} for the whole file's size (it checks the header and throws on a bad
     * one), then reads up to that size.
     *
     * @return the bytes; fewer than promised when the file is short (the caller reports it), or
     *     only the header's bytes when the file is shorter than its header
     * @throws DatasetException when the file holds more than promised, or the promise is larger
     *     than a Java array can hold
     */
    public static byte[] readAll(Path file, int headerBytes, java.util.function.ToLongFunction<byte[]> expectedSize) {
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
            byte[] head = in.readNBytes(headerBytes);
            if (head.length < headerBytes) {
                return head;
            }
            long expected = expectedSize.applyAsLong(head);
            if (expected > MAX_ARRAY) {
                throw new DatasetException(Problem.BAD_HEADER, file, "header promises " + expected
                        + " bytes, more than the " + MAX_ARRAY + " one file can hold in memory; the header"
                        + " is damaged or the file is not meant for this reader");
            }
            byte[] all = Arrays.copyOf(head, (int) Math.max(expected, headerBytes));
            int n = in.readNBytes(all, headerBytes, all.length - headerBytes);
            if (headerBytes + n < all.length) {
                return Arrays.copyOf(all, headerBytes + n);
            }
            if (in.read() != -1) {
                throw new DatasetException(Problem.TRUNCATED, file, "expected " + expected + " bytes, as its"
                        + " header says, but it holds more (counted after decompression; reading stopped"
                        + " there); the file has trailing bytes and is not a valid IDX file");
            }
            return all;
        } catch (NoSuchFileException e) {
            throw new DatasetException(Problem.MISSING_FILE, file, "file not found", e);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, e);
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, file, "cannot be read: " + e, e);
        }
    }

    private static DatasetException corruptGzip(Path file, IOException e) {
        return new DatasetException(Problem.CORRUPT_GZIP, file, "starts like a gzip file but"
                + " cannot be decompressed (" + e.getMessage() + "); download it again or"
                + " check it with 'gzip -t " + file.getFileName() + "'", e);
    }

    /** The largest array length every JVM allows. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * Decompresses into an array sized from the gzip trailer (the uncompressed size modulo 2^32),
     * which is about twice as fast as growing one; the trailer is only a hint, so a wrong or huge
     * value costs speed, never correctness.
     */
    private static byte[] gunzip(Path file, byte[] compressed) {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(compressed), BUFFER)) {
            byte[] out = new byte[sizeHint(compressed)];
            int n = gz.readNBytes(out, 0, out.length);
            if (n < out.length) {
                return Arrays.copyOf(out, n);
            }
            byte[] rest = gz.readAllBytes();
            if (rest.length == 0) {
                return out;
            }
            byte[] all = Arrays.copyOf(out, Math.addExact(out.length, rest.length));
            System.arraycopy(rest, 0, all, out.length, rest.length);
            return all;
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, e);
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, file, "cannot be decompressed: " + e, e);
        }
    }

    private static int sizeHint(byte[] compressed) {
        long fallback = Math.min(4L * compressed.length, MAX_HINT);
        if (compressed.length < 18) {
            return (int) fallback;
        }
        long trailer = ByteBuffer.wrap(compressed, compressed.length - 4, 4)
                .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        boolean plausible = trailer <= 64L * compressed.length && trailer <= MAX_HINT;
        return (int) (plausible ? trailer : fallback);
    }

    /**
     * Converts {@code count} pixel bytes starting at {@code from} to floats in [0, 1] (byte / 255)
     * written into {@code dst} from {@code dstFrom}.
     */
    public static void toUnitFloats(byte[] src, int from, float[] dst, int dstFrom, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstFrom + i] = UNIT[src[from + i] & 0xff];
        }
    }

    /**
     * Checks that a label lies in [0, classes).
     *
     * @param index the example's position, for the message
     * @throws DatasetException {@link Problem#LABEL_OUT_OF_RANGE}
     */
    public static void checkLabel(Path file, int index, int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new DatasetException(Problem.LABEL_OUT_OF_RANGE, file, "label " + label
                    + " of example " + index + " is outside [0, " + classes + "); the file is"
                    + " damaged or belongs to another dataset");
        }
    }
}
