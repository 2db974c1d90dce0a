package dev.lamina.runtime.report;

import java.util.Arrays;

/**
 * What a run measures after every epoch. Only a {@link #VALIDATION} set may choose the best epoch:
 * an epoch chosen by its test accuracy would make that accuracy an optimistic estimate.
 */
public enum EvalTarget {
    /** A held-out part of the training set: chooses the best epoch and drives early stopping. */
    VALIDATION("validation"),
    /** The test set, for monitoring only: no best epoch is chosen on it. */
    TEST("test");

    private final String id;

    EvalTarget(String id) {
        this.id = id;
    }

    /** The name in files and progress lines: {@code validation} or {@code test}. */
    public String id() {
        return id;
    }

    /** Whether the epoch with the best accuracy on this set may be kept as the {@code best} checkpoint. */
    public boolean selectsBest() {
        return this == VALIDATION;
    }

    /**
     * The target named {@code id} in a file.
     *
     * @throws IllegalArgumentException for another name
     */
    public static EvalTarget fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown evaluation set '" + id
                        + "' (expected validation or test)"));
    }

    @Override
    public String toString() {
        return id;
    }
}
