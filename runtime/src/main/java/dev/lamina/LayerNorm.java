package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer normalization (DJL {@code LayerNorm}): each example is normalized over all of its own
 * values, the whole (C, H, W) of a feature map or every feature of a vector (PyTorch's {@code
 * nn.LayerNorm(normalized_shape)} with the example's whole shape; Keras's {@code
 * LayerNormalization} with {@code axis} all but the batch), then scaled and shifted element-wise by
 * a learned gamma and beta of the input's shape. It does not depend on the batch: training and
 * inference compute the same. Output shaped as its input. ONNX: {@code LayerNormalization}
 * (opset 17).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LayerNorm {
    /** {@return what is added to the variance for numerical stability; greater than 0 (PyTorch's default; Keras's is 1e-3)} */
    double epsilon() default 1e-5;

    /** {@return whether beta, the learned shift, is trained (else it stays 0)} */
    boolean center() default true;

    /** {@return whether gamma, the learned scale, is trained (else it stays 1)} */
    boolean scale() default true;
}
