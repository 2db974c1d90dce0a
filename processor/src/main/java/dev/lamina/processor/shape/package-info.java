/**
 * Compile-time shape inference and parameter counting in pure Java
 * ({@link dev.lamina.processor.shape.ShapeInference}, a {@code LayerSpec.Visitor} with one shape rule per layer kind;
 * {@link dev.lamina.processor.shape.Window} for kernel and pool formulas and DJL padding;
 * {@link dev.lamina.processor.shape.Projection} for residual skip paths) and the Keras-like
 * {@link dev.lamina.processor.shape.SummaryTable}.
 */
package dev.lamina.processor.shape;
