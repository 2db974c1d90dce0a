package dev.lamina.runtime.data.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DatasetException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip bomb (issue 15, failure 6): an IDX .gz of a few hundred KiB that expands far beyond what
 * its header promises used to be decompressed whole (an {@code OutOfMemoryError} and a stack trace
 * at 3 GiB). Reading now stops where the header's size ends, so it costs the memory of the
 * promised file only, and the answer is one {@link DatasetException}.
 */
class GzipBombTest {

    @TempDir
    Path dir;

    private static final long BOMB_BYTES = 40L << 20; // 40 MiB of zeros, ~40 KiB compressed

    /** A labels file promising 3 labels, followed by {@code BOMB_BYTES} zeros, gzipped. */
    private Path bomb(ByteBuffer header) throws IOException {
        Path file = dir.resolve("bomb-idx1-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header.array());
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < BOMB_BYTES; written += zeros.length) {
                out.write(zeros);
            }
        }
        return file;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aLabelsFileExpandingBeyondItsHeaderIsRejectedWithoutReadingIt() throws IOException {
        Path file = bomb(ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(3));
        assertTrue(Files.size(file) < (1 << 20), "the bomb is small on disk: " + Files.size(file));
        long before = allocatedBytes();
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(file, 10));
        long allocated = allocatedBytes() - before;
        assertEquals(DatasetException.Problem.TRUNCATED, e.problem());
        assertTrue(e.getMessage().contains("expected 11 bytes, as its header says, but it holds more"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
        assertTrue(allocated < (16L << 20), "allocated " + allocated + " bytes while reading a file promising 11");
    }

    @Test
    void anImagesHeaderPromisingMoreThanMemoryIsRejectedBeforeReading() throws IOException {
        // 2^20 images of 1024x1024: 1 TiB of pixels
        Path file = bomb(ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(1 << 20).putInt(1024)
                .putInt(1024));
        long before = allocatedBytes();
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(file));
        assertEquals(DatasetException.Problem.BAD_HEADER, e.problem());
        assertTrue(e.getMessage().contains("GiB of memory to read"), e.getMessage());
        assertTrue(allocatedBytes() - before < (16L << 20));
    }

    @Test
    void anImagesFileExpandingBeyondItsHeaderIsRejected() throws IOException {
        Path file = bomb(ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(2).putInt(28).putInt(28));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(file));
        assertEquals(DatasetException.Problem.TRUNCATED, e.problem());
        assertTrue(e.getMessage().contains("trailing bytes"), e.getMessage());
    }
}
