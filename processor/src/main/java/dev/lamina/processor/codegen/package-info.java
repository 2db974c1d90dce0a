/**
 * Generation of {@code <Name>Net} with JavaPoet: {@link dev.lamina.processor.codegen.NetWriter}
 * writes the class, {@code BlockCode} the DJL block expression of each layer (its kind's
 * {@code BlockRecipe}), {@code DescriptorCode} the Net's layer descriptor (each kind's attributes,
 * shapes and {@code OnnxRecipe} as runtime constructor calls), and {@code DjlTypes} names every DJL
 * and runtime class the generated code uses.
 */
package dev.lamina.processor.codegen;
