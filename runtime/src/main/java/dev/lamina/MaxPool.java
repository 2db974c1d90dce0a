package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Max pooling over H and W of a (C, H, W) feature map (DJL {@code Pool.maxPool2dBlock}). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool {
    /** {@return the side of the pooling window; at least 1} */
    int value() default 2;

    /** {@return the step between windows; -1 means the window size} */
    int stride() default -1;

    /** {@return the padding: {@link Padding#VALID} (default) pads nothing} */
    Padding padding() default Padding.VALID;
}
