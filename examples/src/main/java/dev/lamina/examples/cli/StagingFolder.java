package dev.lamina.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The hidden staging folder a command writes into before renaming it into place ({@code images},
 * {@code task-data}), so a failed or interrupted write never leaves a half-written folder at the
 * name the user gave.
 */
final class StagingFolder {

    private StagingFolder() {
    }

    /**
     * Removes {@code staging} and everything in it, when it is still there (the rename did not
     * happen). Only the command's own folder: links inside it are removed, never followed.
     */
    static void removeIfLeft(Path staging) throws IOException {
        if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
