/**
 * What a generated Net is, layer by layer, as the processor knew it at compile time: its {@link
 * dev.lamina.runtime.descriptor.NetDescriptor} (from {@code LaminaNet.descriptor()}) lists each
 * layer's kind, attributes, shapes in and out, parameter names and counts, the residual structure
 * of its sub-models, and each layer kind's ONNX recipe ({@link
 * dev.lamina.runtime.descriptor.OnnxRecipe}). The generated code builds it with the constructors and
 * factories here; readers (the ONNX exporter, the saved model's metadata) read it instead of
 * looking into DJL's blocks. It depends on nothing of the runtime but DJL's {@code Shape}.
 */
package dev.lamina.runtime.descriptor;
