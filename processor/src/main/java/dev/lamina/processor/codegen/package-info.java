/**
 * Generation of {@code <Name>Net} with JavaPoet: {@link dev.lamina.processor.codegen.NetWriter}
 * writes the class, {@code BlockCode} the DJL block expression of each layer kind (a {@code LayerSpec.Visitor}), and
 * {@code DjlTypes} names every DJL and runtime class the generated code uses.
 */
package dev.lamina.processor.codegen;
