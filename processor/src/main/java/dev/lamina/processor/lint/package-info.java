/**
 * Placement lints: rules that look at a {@link dev.lamina.processor.shape.ShapedModel} (layers in
 * order, with their compile-time shapes) and report layers that are legal but misplaced.
 *
 * <p>{@link dev.lamina.processor.lint.Rule} is one check; {@link dev.lamina.processor.lint.Rules}
 * is the only registry; {@link dev.lamina.processor.lint.LayerSequence} holds the traversal
 * helpers rules share; {@link dev.lamina.processor.lint.LintConfig} reads the processor options;
 * {@link dev.lamina.processor.lint.Suppressions} applies {@code @SuppressWarnings};
 * {@link dev.lamina.processor.lint.Linter} puts them together. Pure Java: no
 * {@code javax.lang.model}, no javac.
 */
package dev.lamina.processor.lint;
