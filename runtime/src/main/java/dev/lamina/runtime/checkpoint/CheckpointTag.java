package dev.lamina.runtime.checkpoint;

import dev.lamina.runtime.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Which checkpoint of a run directory: the latest epoch or the best one. */
public enum CheckpointTag {
    /** The checkpoint of the most recent epoch. */
    LAST("last"),
    /** The checkpoint of the epoch with the best validation accuracy (kept only with a validation set). */
    BEST("best");

    private final String id;

    CheckpointTag(String id) {
        this.id = id;
    }

    /** The name of the tag's files: {@code <id>.json}, {@code <id>-step<N>.params}. */
    public String id() {
        return id;
    }

    /**
     * The tag named {@code id} ({@code last} or {@code best}).
     *
     * @throws InvalidInputException listing the valid names
     */
    public static CheckpointTag parse(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown checkpoint tag '" + id + "'; use "
                        + Arrays.stream(values()).map(CheckpointTag::id).collect(Collectors.joining(" or "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
