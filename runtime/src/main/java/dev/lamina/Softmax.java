package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Softmax over axis 1 of the batch (DJL {@code x.softmax(1)}): over the features of a vector, and
 * over the channels of a (C, H, W) feature map, at each pixel (as Keras's default {@code axis=-1}
 * does in its channels-last layout). Shape unchanged. Not needed on the output layer: training
 * applies softmax cross-entropy to logits.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Softmax {
}
