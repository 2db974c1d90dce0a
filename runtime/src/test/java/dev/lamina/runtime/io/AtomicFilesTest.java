package dev.lamina.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWhole() throws IOException {
        AtomicFiles.writeString(dir.resolve("a.txt"), "first");
        AtomicFiles.writeString(dir.resolve("a.txt"), "second");

        assertEquals("second", Files.readString(dir.resolve("a.txt")));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        AtomicFiles.writeString(dir.resolve("a.txt"), "kept");

        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("a.txt"), out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));

        assertEquals("kept", Files.readString(dir.resolve("a.txt")));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void newFilesGetTheUsualPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));

        AtomicFiles.writeString(dir.resolve("atomic.txt"), "x");

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("atomic.txt")));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
