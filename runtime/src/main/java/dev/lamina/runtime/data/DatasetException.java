package dev.lamina.runtime.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset could not be read: a file is missing, damaged or not what its name says. The message
 * names the file, says what is wrong and what to do; {@link #problem()} is the stable kind of
 * failure, for code and tests that must not depend on wording.
 */
public class DatasetException extends RuntimeException {

    /** The stable kinds of dataset failure. */
    public enum Problem {
        /** A required file is not in the directory (or its known sub-directory). */
        MISSING_FILE,
        /** The file does not start with the magic number its format requires. */
        BAD_MAGIC,
        /** The header describes an impossible shape (negative or zero sizes). */
        BAD_HEADER,
        /** The file holds fewer (or more) bytes than its header or record size requires. */
        TRUNCATED,
        /** The images file and the labels file hold different numbers of examples. */
        COUNT_MISMATCH,
        /** A label is outside [0, classes). */
        LABEL_OUT_OF_RANGE,
        /** The file starts like gzip but cannot be decompressed. */
        CORRUPT_GZIP,
        /** The operating system refused to read the file. */
        IO,
        /** A batch could not be built (the cause says why). */
        BATCH_FAILED,
        /** A set given to train or evaluate on holds no examples. */
        EMPTY,
        /** A file in an image folder is not an image any decoder recognizes. */
        NOT_AN_IMAGE,
        /** An image file is damaged or truncated: its decoder failed or warned. */
        CORRUPT_IMAGE,
        /** An image's height and width differ from the model's and no resize policy allows it. */
        IMAGE_SIZE,
        /**
         * An image's header declares more pixels than {@code ImageConversion.MAX_PIXELS}; it is
         * refused before it is decoded (a small file can declare a huge image).
         */
        IMAGE_TOO_LARGE,
        /** An image is stored in a way the decoder would read with wrong values (a CMYK or YCCK JPEG). */
        UNSUPPORTED_IMAGE,
        /** A class folder of an image folder holds no images. */
        EMPTY_CLASS,
        /** A row of a CSV manifest is malformed (its line number is in the message). */
        BAD_ROW
    }

    private final Problem problem;
    private final Path file;

    /**
     * @param problem the stable kind of failure
     * @param file the file concerned, or {@code null} when none is
     * @param message what is wrong and what to do; the file name is prefixed automatically
     * @param cause the underlying exception, or {@code null}
     */
    public DatasetException(Problem problem, Path file, String message, Throwable cause) {
        super((file == null ? "" : file + ": ") + message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.file = file;
    }

    /** Same as the four-argument constructor, without a cause. */
    public DatasetException(Problem problem, Path file, String message) {
        this(problem, file, message, null);
    }

    /** The stable kind of failure. */
    public Problem problem() {
        return problem;
    }

    /** The file concerned, or {@code null} when the failure concerns no single file. */
    public Path file() {
        return file;
    }
}
