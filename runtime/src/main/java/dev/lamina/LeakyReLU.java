package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Leaky rectified linear unit: x for x &gt; 0, alpha * x otherwise. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LeakyReLU {
    /** {@return the slope for negative inputs; at least 0} */
    double alpha() default 0.01;
}
