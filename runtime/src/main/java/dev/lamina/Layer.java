package dev.lamina;

/**
 * Recommended, behaviour-less type for layer fields of a {@link Model} class. The field type is
 * free; only the annotations on the field matter. Using {@code Layer} makes the intent obvious.
 */
public final class Layer {
    private Layer() {}
}
