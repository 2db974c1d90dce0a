package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalization (DJL {@code BatchNorm}) over the channel axis of a (C, H, W) feature map,
 * or over the features of a vector. 2 * C trainable parameters and 2 * C running statistics.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNorm {
    /** {@return the weight of the running statistics in their moving average; in (0, 1)} */
    double momentum() default 0.9;

    /** {@return what is added to the variance for numerical stability; greater than 0} */
    double epsilon() default 1e-5;
}
