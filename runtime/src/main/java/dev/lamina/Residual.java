package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field whose type is another {@link Model} class: output = input + block(input).
 * When the shapes differ, {@link #projection()} adds a 1x1 convolution with batch norm on the
 * skip path.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Residual {
    /** {@return whether to add a 1x1 conv + batch norm on the skip path so that shapes match} */
    boolean projection() default false;
}
