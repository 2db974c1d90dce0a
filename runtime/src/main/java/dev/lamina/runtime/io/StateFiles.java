package dev.lamina.runtime.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the runtime reads the files of a run or saved model directory that a person or another
 * program may have damaged: state files ({@code last.json}, {@code best-step<N>.json}, {@code
 * run.json}, {@code lamina-model.json}, {@code image-folder.json}) are read only when they are
 * regular files of at most {@value #MAX_STATE_BYTES} bytes (a FIFO, a device such as {@code
 * /dev/zero}, a directory or a huge sparse file is refused before anything is read); a file named
 * inside such a file must be a plain name in the same directory ({@link #inside}); a data file
 * named with its size and SHA-256 is checked against both before it is read ({@link #checked}).
 * Every refusal is an {@link IOException} whose message names the file and says why.
 */
public final class StateFiles {

    /** The largest state file read, 1 MiB: the largest one Lamina writes (a long history) is far below. */
    public static final long MAX_STATE_BYTES = 1L << 20;

    private StateFiles() {}

    /**
     * Whether something is at {@code file} (a link counts, even a dangling one): a state file that
     * is there but is not a regular file is damage to report ({@link #readState}), not absence.
     */
    public static boolean present(Path file) {
        return Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The text of a state file, UTF-8.
     *
     * @throws NoSuchFileException when it does not exist
     * @throws IOException naming the file: not a regular file, larger than {@value #MAX_STATE_BYTES}
     *     bytes, not readable (with the system's reason), or not UTF-8
     */
    public static String readState(Path file) throws IOException {
        requireRegular(file, MAX_STATE_BYTES, "a state file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_STATE_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new IOException(file + " cannot be read: permission denied", e);
        }
        if (bytes.length > MAX_STATE_BYTES) {
            throw new IOException(file + " grew past " + MAX_STATE_BYTES + " bytes while it was read; restore it");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text (damaged?); restore it from a copy", e);
        }
    }

    /**
     * Refuses {@code file} unless it is a regular file (links followed) of at most {@code maxBytes}
     * bytes ({@code -1}: any size); {@code what} says what it is for the message.
     *
     * @return its size
     * @throws NoSuchFileException when it does not exist
     */
    public static long requireRegular(Path file, long maxBytes, String what) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new IOException(file + " cannot be read: permission denied", e);
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is " + (attributes.isDirectory() ? "a directory" : "not a regular file"
                    + " (a FIFO, device or socket)") + ", not " + what + "; restore the file from a copy");
        }
        if (maxBytes >= 0 && attributes.size() > maxBytes) {
            throw new IOException(file + " is " + attributes.size() + " bytes, more than the " + maxBytes
                    + " bytes " + what + " may have (damaged or replaced?); restore it from a copy");
        }
        return attributes.size();
    }

    /**
     * The file {@code name} (as a state file names it) in {@code dir}: a plain file name, never a
     * path ({@code ../x}, {@code /etc/passwd}, {@code a/b} are refused).
     *
     * @throws IllegalArgumentException naming the key and the value when it is not a plain name
     */
    public static Path inside(Path dir, String name, String key) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0 || Path.of(name).isAbsolute()) {
            throw new IllegalArgumentException("\"" + key + "\" must name a file in the same directory, not \""
                    + name + "\"");
        }
        return dir.resolve(name);
    }

    /**
     * Checks a data file against the size and SHA-256 recorded for it: a regular file, {@code bytes}
     * long, with that hash.
     *
     * @param recordedIn what records them (the state file's path), for the message
     * @throws NoSuchFileException when it does not exist
     * @throws IOException naming the file and what differs (not a file, truncated, appended to, damaged)
     */
    public static void checked(Path file, long bytes, String sha256, String recordedIn) throws IOException {
        long size = requireRegular(file, -1, "a parameter file");
        if (size != bytes) {
            throw new IOException(file + " is " + size + " bytes but " + recordedIn + " says " + bytes
                    + (size < bytes ? ": it is truncated (an interrupted copy?)" : ": it was replaced or appended to")
                    + "; restore it from a copy");
        }
        String hash = sha256(file);
        if (!hash.equalsIgnoreCase(sha256)) {
            throw new IOException(file + " is damaged: its SHA-256 is " + hash + " but " + recordedIn + " says "
                    + sha256 + "; restore it from a copy");
        }
    }

    /** The SHA-256 of a file, hex. */
    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (AccessDeniedException e) {
                throw new IOException(file + " cannot be read: permission denied", e);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
