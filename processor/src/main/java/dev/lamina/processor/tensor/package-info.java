/**
 * Shapes of one example and the arithmetic of sliding windows, in pure Java, below everything
 * else but {@code diag/}: {@link dev.lamina.processor.tensor.TensorShape} ((C, H, W) or
 * (features)), {@link dev.lamina.processor.tensor.Window} (the conv and pool output formulas and
 * the symmetric padding DJL is given) and {@link dev.lamina.processor.tensor.PaddingMode}. The
 * layer kinds' shape rules ({@code model/}) and shape inference ({@code shape/}) are written in
 * these terms.
 */
package dev.lamina.processor.tensor;
