package dev.lamina.examples.cli;

import dev.lamina.runtime.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a command writes its run, checked before any data loads: an existing run is never
 * overwritten. Without {@code --out} each run gets a new numbered directory, {@code
 * <base>/version_<N>} (N one above the highest there, from 0, as PyTorch Lightning numbers its
 * logs); an explicit {@code --out} that already holds a run is refused (continue it with {@code
 * --resume}, or choose another directory).
 */
final class RunDirectory {
    private static final Pattern VERSION = Pattern.compile("version_(\\d+)");

    private RunDirectory() {
    }

    /**
     * The directory a new run writes to: {@code out} when given (refused when it holds one of
     * {@code runFiles} or cannot be written), else {@code fresh}'s (e.g. {@link #nextVersion}).
     *
     * @param runFiles the names of the files a run of this command writes; a directory holding any
     *     of them holds a run
     * @throws InvalidInputException saying why and what to do instead
     */
    static Path forNewRun(Path out, Supplier<Path> fresh, List<String> runFiles, String option) {
        Path dir = out != null ? out : fresh.get();
        if (out != null) {
            for (String name : runFiles) {
                if (Files.exists(out.resolve(name))) {
                    throw new InvalidInputException(option + " " + out + " already holds a run (" + name
                            + "); it is not overwritten. Continue it with --resume " + out + " where the"
                            + " command has it, or give another " + option + " (without " + option
                            + " each run gets a new numbered directory).");
                }
            }
        }
        requireWritable(dir, option);
        return dir;
    }

    /** {@code base/version_<N>}, N one above the highest existing one (0 when there is none). */
    static Path nextVersion(Path base) {
        int next = 0;
        if (Files.isDirectory(base)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, "version_*")) {
                for (Path entry : entries) {
                    Matcher m = VERSION.matcher(entry.getFileName().toString());
                    if (m.matches() && m.group(1).length() < 10) {
                        next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
            }
        }
        return base.resolve("version_" + next);
    }

    /**
     * Refuses a directory that cannot be created or written: it is a file, or its nearest existing
     * ancestor is a file or not writable. Nothing is created.
     *
     * @throws InvalidInputException naming the path in the way
     */
    static void requireWritable(Path dir, String option) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new InvalidInputException(option + " " + dir + ": no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new InvalidInputException(option + " " + dir + " cannot be a directory: " + existing
                    + " is a file. Choose another " + option + ".");
        }
        if (!Files.isWritable(existing)) {
            throw new InvalidInputException(option + " " + dir + " cannot be written: " + existing
                    + " is not writable by this user. Choose another " + option + ".");
        }
    }
}
