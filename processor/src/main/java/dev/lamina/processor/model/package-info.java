/**
 * A {@code @Model} class as plain records ({@link dev.lamina.processor.model.ModelSpec},
 * {@link dev.lamina.processor.model.LayerSpec} and its kinds, one record per kind owning its
 * annotation binding, typed attributes, ranges and traits), read by
 * {@link dev.lamina.processor.model.ModelReader} (the only code touching {@code javax.lang.model});
 * {@link dev.lamina.processor.model.SpecValidator} checks attribute ranges and
 * {@link dev.lamina.processor.model.SourceLocator} maps origins back to the source for reports.
 */
package dev.lamina.processor.model;
