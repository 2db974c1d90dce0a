/**
 * Compile-time shape inference in pure Java: {@link dev.lamina.processor.shape.ShapeInference}
 * walks a model from its input, applying each layer kind's own shape rule
 * ({@code model.LayerKind#shape}) and shaping sub-models with the input their field receives, into
 * the tree of {@link dev.lamina.processor.shape.ShapedModel}s that code generation, the lints and
 * the summary read ({@link dev.lamina.processor.shape.Projection} for residual skip paths, the
 * Keras-like {@link dev.lamina.processor.shape.SummaryTable}).
 */
package dev.lamina.processor.shape;
