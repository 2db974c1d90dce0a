/**
 * Diagnostics as plain data: {@link dev.lamina.processor.diag.Finding} and
 * {@link dev.lamina.processor.diag.Severity}, and {@link dev.lamina.processor.diag.Problem}, the
 * catalogue of compile-time errors with their stable ids and message templates.
 */
package dev.lamina.processor.diag;
