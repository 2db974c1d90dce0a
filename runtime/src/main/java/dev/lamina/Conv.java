package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D convolution (DJL {@code Conv2d}) over a (C, H, W) feature map; output (filters, H', W').
 * Parameters: kernel * kernel * C * filters weights, plus filters biases when {@link #bias()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv {
    /** {@return the number of output channels; at least 1} */
    int filters();

    /** {@return the side of the square kernel; at least 1} */
    int kernel() default 3;

    /** {@return the step between kernel positions; at least 1} */
    int stride() default 1;

    /** {@return the padding: {@link Padding#SAME} keeps H and W at stride 1; {@link Padding#VALID} pads nothing} */
    Padding padding() default Padding.SAME;

    /** {@return the spacing between kernel taps; at least 1} */
    int dilation() default 1;

    /** {@return whether to add a bias per filter (useless when batch norm follows)} */
    boolean bias() default true;

    /** {@return the activation applied after the convolution} */
    Act activation() default Act.NONE;
}
