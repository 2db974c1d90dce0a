package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Channel-wise dropout on a (C, H, W) feature map: during training whole channels are zeroed with
 * probability {@link #rate()} (Tompson et al. 2015), the rest scaled by 1 / (1 - rate);
 * identity at inference.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface SpatialDropout {
    /** {@return the probability of dropping a channel; in [0, 1)} */
    double rate() default 0.1;
}
