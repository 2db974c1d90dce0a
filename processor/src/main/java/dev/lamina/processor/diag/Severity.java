package dev.lamina.processor.diag;

/** How a finding is reported; maps onto {@code javax.tools.Diagnostic.Kind} in the report layer. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE,
    /** Reported nowhere (a rule switched off). */
    OFF
}
