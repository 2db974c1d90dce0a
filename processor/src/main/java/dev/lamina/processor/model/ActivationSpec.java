package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/**
 * An activation: from {@code @ReLU}, {@code @LeakyReLU}, ... or from a weighted layer's
 * {@code activation =} attribute (then {@code origin().attribute()} is {@code "activation"}).
 *
 * @param alpha negative slope for {@link ActivationFn#LEAKY_RELU}, otherwise 0
 */
public record ActivationSpec(String name, Origin origin, ActivationFn fn, double alpha)
        implements LayerSpec {
    @Override
    public String kind() {
        return fn.displayName();
    }

    /** Whether it came from an {@code activation =} attribute rather than its own annotation. */
    public boolean fromAttribute() {
        return "activation".equals(origin.attribute());
    }
}
