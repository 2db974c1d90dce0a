package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Element-wise dropout (DJL {@code Dropout}): during training each activation is zeroed with
 * probability {@link #rate()} and the rest scaled by 1 / (1 - rate); identity at inference.
 * Between convolutions prefer {@link SpatialDropout} or {@link BatchNorm} (see the lints).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {
    /** {@return the probability of dropping an activation; in [0, 1)} */
    double rate() default 0.5;
}
