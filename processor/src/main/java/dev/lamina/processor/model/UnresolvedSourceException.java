package dev.lamina.processor.model;

/**
 * Thrown by {@link ModelReader} when an annotation value of a model could not be resolved by
 * javac (e.g. {@code @Conv(filters = MISSING)}, or a constant generated in a later round). It is
 * not a problem of the model's design: javac reports the unresolved symbol itself, so the
 * processor retries the model in the next round and stays silent if it never resolves.
 */
public final class UnresolvedSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param attribute the unresolved attribute, e.g. {@code "Conv.filters"} */
    public UnresolvedSourceException(String attribute) {
        super("unresolved value of " + attribute, null, false, false);
    }
}
