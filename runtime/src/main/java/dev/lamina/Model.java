package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a neural network. The annotated class's fields that carry Lamina layer annotations
 * are the layers, in declaration order; the Lamina annotation processor checks the model at
 * compile time and generates {@code <SimpleName>Net} in the same package.
 *
 * <pre>{@code
 * @Model(input = {1, 28, 28})
 * public class FashionCnn {
 *     @Conv(filters = 32) @BatchNorm @ReLU Layer conv1;
 *     @GlobalAvgPool Layer gap;
 *     @Dense(units = 10) Layer logits;
 * }
 * }</pre>
 *
 * <p>A model without {@code input} takes its input shape from where it is used: it is a building
 * block for other models' fields (e.g. one body for 28x28 and 32x32 images), checked for the shape
 * each of those fields receives, and built inside their Nets; it has no Net of its own.
 *
 * <p>A model with {@code input} is a whole network unless it declares another {@link #role()}: a
 * model with {@code input} that other models use as a field says so with
 * {@code role = Model.Role.BLOCK} (or {@code Model.Role.RESIDUAL_BLOCK} for a {@code @Residual}
 * main path), so that it gets the same diagnostics and the same Net whether it is compiled alone
 * or with the models that use it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
    /**
     * {@return the shape of ONE example, without the batch axis} Channels-first {@code {C, H, W}}
     * for images, or {@code {features}} for vectors. Every size must be positive. Left out (empty),
     * the model takes its input shape from each model that uses it as a field, where it is checked
     * and built.
     */
    int[] input() default {};

    /** {@return the simple name of the generated class; empty means {@code <SimpleName>Net}} */
    String name() default "";

    /**
     * {@return what the model is for, which the lints read: the rules about a classifier's output
     * and a network's input apply to a whole network only; {@link Role#DEFAULT}: a whole network
     * when {@code input} is declared, a building block when it is not}
     */
    Role role() default Role.DEFAULT;

    /**
     * {@return what a whole network predicts, which fixes its loss, its metrics and how its outputs
     * are read: {@link Task#MULTI_CLASS} (the default) for one class out of N} The processor checks
     * the output layer against the task; a building block has no task of its own.
     */
    Task task() default Task.MULTI_CLASS;

    /** What a whole network predicts (see {@link #task()}); docs/tasks.md says more. */
    enum Task {
        /**
         * One class out of N ({@code N >= 2} logits, no activation): softmax cross-entropy on the
         * logits; predictions are class probabilities.
         */
        MULTI_CLASS,
        /**
         * Yes or no (one logit, no activation): sigmoid binary cross-entropy on the logit;
         * predictions are the probability of the positive class and the answer at a threshold.
         */
        BINARY,
        /**
         * Any subset of N labels (N independent logits, no activation): sigmoid binary
         * cross-entropy per label; predictions are a probability per label and the set at a
         * threshold.
         */
        MULTI_LABEL,
        /**
         * N real values (N outputs, no bounding activation): the mean squared error on the
         * (optionally normalized) targets; predictions are the values in the targets' units.
         */
        REGRESSION
    }

    /** What a model is for (see {@link #role()}). */
    enum Role {
        /** A whole network when {@code input} is declared; a building block when it is left out. */
        DEFAULT,
        /**
         * A building block that other models use as a field: its output is not a classifier's
         * logits and its input is not the network's input.
         */
        BLOCK,
        /**
         * A building block that other models use as the main path of a {@code @Residual} block:
         * as {@link #BLOCK}, and a dropout between two of its convolutions is the Wide ResNet
         * design, which the dropout lints accept.
         */
        RESIDUAL_BLOCK
    }
}
