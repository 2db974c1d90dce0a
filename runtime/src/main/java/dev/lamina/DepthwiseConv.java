package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Depthwise 2-D convolution over a (C, H, W) feature map, as in MobileNet's depthwise-separable
 * blocks: each input channel is convolved with its own {@link #multiplier()} kernels, none mixes
 * channels (DJL {@code Conv2d} with {@code groups = C}); output (C * multiplier, H', W'), with the
 * H' and W' of {@link Conv} for the same kernel, stride, padding and dilation. Parameters:
 * kernel * kernel * C * multiplier weights, plus C * multiplier biases when {@link #bias()}.
 * Follow it with a 1x1 {@link Conv} to mix channels.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface DepthwiseConv {
    /** {@return the side of the square kernel; at least 1} */
    int kernel() default 3;

    /** {@return the step between kernel positions; at least 1} */
    int stride() default 1;

    /** {@return the padding: {@link Padding#SAME} keeps H and W at stride 1; {@link Padding#VALID} pads nothing} */
    Padding padding() default Padding.SAME;

    /** {@return the spacing between kernel taps; at least 1} */
    int dilation() default 1;

    /** {@return the output channels per input channel (Keras's depth_multiplier); at least 1} */
    int multiplier() default 1;

    /** {@return whether to add a bias per output channel (useless when batch norm follows)} */
    boolean bias() default true;

    /** {@return the activation applied after the convolution} */
    Act activation() default Act.NONE;
}
