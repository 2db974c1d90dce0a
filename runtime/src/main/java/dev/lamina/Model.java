package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a neural network. The annotated class's fields that carry Lamina layer annotations
 * are the layers, in declaration order; the Lamina annotation processor checks the model at
 * compile time and generates {@code <SimpleName>Net} in the same package.
 *
 * <pre>{@code
 * @Model(input = {1, 28, 28})
 * public class FashionCnn {
 *     @Conv(filters = 32) @BatchNorm @ReLU Layer conv1;
 *     @GlobalAvgPool Layer gap;
 *     @Dense(units = 10) Layer logits;
 * }
 * }</pre>
 *
 * <p>A model without {@code input} takes its input shape from where it is used: it is a building
 * block for other models' fields (e.g. one body for 28x28 and 32x32 images), checked for the shape
 * each of those fields receives, and built inside their Nets; it has no Net of its own.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
    /**
     * {@return the shape of ONE example, without the batch axis} Channels-first {@code {C, H, W}}
     * for images, or {@code {features}} for vectors. Every size must be positive. Left out (empty),
     * the model takes its input shape from each model that uses it as a field, where it is checked
     * and built.
     */
    int[] input() default {};

    /** {@return the simple name of the generated class; empty means {@code <SimpleName>Net}} */
    String name() default "";
}
