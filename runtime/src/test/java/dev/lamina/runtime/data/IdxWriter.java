package dev.lamina.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files (images 0x00000803, labels 0x00000801), raw or gzipped; for tests and fixtures. */
public final class IdxWriter {

    private IdxWriter() {}

    /** The bytes of an images file: header then {@code count * rows * cols} pixels. */
    public static byte[] images(int count, int rows, int cols, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return buffer.array();
    }

    /** The bytes of a labels file: header then one byte per label. */
    public static byte[] labels(byte[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(0x00000801).putInt(labels.length).put(labels);
        return buffer.array();
    }

    /** Writes {@code content} to {@code file}, gzipped when {@code gzip}. */
    public static Path write(Path file, byte[] content, boolean gzip) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!gzip) {
                return Files.write(file, content);
            }
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(content);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gzip encoding of {@code content}. */
    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
