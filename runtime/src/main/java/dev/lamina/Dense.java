package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fully connected layer (DJL {@code Linear}) on a vector (features). It flattens nothing: put
 * {@link Flatten} or {@link GlobalAvgPool} before it when the input is a (C, H, W) feature map.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {
    /** {@return the number of outputs; at least 1} */
    int units();

    /** {@return whether to add a bias per unit} */
    boolean bias() default true;

    /** {@return the activation applied after the layer} */
    Act activation() default Act.NONE;
}
