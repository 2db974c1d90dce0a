package dev.lamina.runtime.io;

import dev.lamina.runtime.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The one check before a command writes a file the user named ({@code lamina export --to}, {@code
 * lamina predict --out}): a command never overwrites its own inputs, a file of a run or saved
 * model directory it reads, a link (it would become a file) or anything that is not a regular file,
 * and replaces an existing file only when told to ({@code --force}). Each refusal is an {@link
 * InvalidInputException} naming the file and what to do, raised before any work.
 */
public final class OutputTarget {

    private OutputTarget() {}

    /**
     * Refuses {@code file} as an output.
     *
     * @param option the option that named it, for the message ({@code --out})
     * @param replace whether an existing regular file may be replaced ({@code --force})
     * @param inputs files the command reads (never written)
     * @param directories run or saved model directories the command reads (nothing in them is written)
     */
    public static void require(Path file, String option, boolean replace, Collection<Path> inputs,
                               Collection<Path> directories) {
        Path target = real(file);
        for (Path input : inputs) {
            if (target.equals(real(input))) {
                throw new InvalidInputException(option + " " + file + " is a file this command reads; it is never"
                        + " overwritten: choose another path");
            }
        }
        requireOutside(file, option, directories);
        if (Files.isSymbolicLink(file)) {
            throw new InvalidInputException(option + " " + file + " is a link; writing would replace it with a file:"
                    + " name the file it points to, or another path");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(option + " " + file + " exists and is not a regular file (a"
                        + " directory, FIFO or device); choose another path");
            }
            if (!replace) {
                throw new InvalidInputException(option + " " + file + " exists; pass --force to replace it, or"
                        + " choose another path");
            }
        }
    }

    /**
     * Refuses {@code target} (a file or a directory to write into) when it is, or is inside, one of
     * {@code directories}, which the command reads.
     */
    public static void requireOutside(Path target, String option, Collection<Path> directories) {
        Path real = real(target);
        for (Path dir : directories) {
            if (real.startsWith(real(dir))) {
                throw new InvalidInputException(option + " " + target + " is inside " + dir + ", which this command"
                        + " reads; nothing in it is written: choose a path outside it");
            }
        }
    }

    /** The path with every link of its existing part resolved, so two names of one file compare equal. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
