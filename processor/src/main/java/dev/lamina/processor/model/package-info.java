/**
 * A {@code @Model} class as plain records ({@link dev.lamina.processor.model.ModelSpec},
 * {@link dev.lamina.processor.model.LayerSpec}: a sub-model field or a
 * {@link dev.lamina.processor.model.LayerKind}, one record per kind owning its annotation binding,
 * typed attributes, ranges, role, shape rule, DJL block as a
 * {@link dev.lamina.processor.model.BlockRecipe} and ONNX operators as an
 * {@link dev.lamina.processor.model.OnnxRecipe}), read by
 * {@link dev.lamina.processor.model.ModelReader} (the only code touching {@code javax.lang.model});
 * {@link dev.lamina.processor.model.SpecValidator} checks attribute ranges and
 * {@link dev.lamina.processor.model.SourceLocator} maps origins back to the source for reports.
 */
package dev.lamina.processor.model;
