/**
 * Diagnostics as plain data: {@link dev.lamina.processor.diag.Finding} (the one place that renders
 * the {@code [lamina:<Id>]} tag), {@link dev.lamina.processor.diag.Origin},
 * {@link dev.lamina.processor.diag.Severity}, and {@link dev.lamina.processor.diag.Problem}, the
 * catalogue of every message that is not a lint (compile-time errors, option and suppression
 * warnings, the SARIF and summary messages), each made by its own typed factory method.
 */
package dev.lamina.processor.diag;
