package dev.lamina.processor.report;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.SourceLocator;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * Prints findings through javac's {@link Messager}, on the exact field, annotation and attribute
 * value their origin names (so IDEs underline the value), and counts the errors.
 */
public final class Reporter {

    private final Messager messager;
    private int errors;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** Prints one finding of the model described by {@code locator}; OFF findings are skipped. */
    public void report(Finding finding, SourceLocator locator) {
        Diagnostic.Kind kind = kind(finding.severity());
        if (kind == null) {
            return;
        }
        SourceLocator.Place place = locator.locate(finding.origin());
        if (place.value() != null) {
            messager.printMessage(kind, finding.render(), place.element(), place.annotation(), place.value());
        } else if (place.annotation() != null) {
            messager.printMessage(kind, finding.render(), place.element(), place.annotation());
        } else {
            messager.printMessage(kind, finding.render(), place.element());
        }
        count(kind);
    }

    /** Prints a message that belongs to no element (e.g. a bad processor option). */
    public void report(Diagnostic.Kind kind, String message) {
        messager.printMessage(kind, message);
        count(kind);
    }

    /** Number of errors printed so far. */
    public int errorCount() {
        return errors;
    }

    private void count(Diagnostic.Kind kind) {
        if (kind == Diagnostic.Kind.ERROR) {
            errors++;
        }
    }

    /** The javac kind of a severity, or {@code null} for OFF. */
    static Diagnostic.Kind kind(Severity severity) {
        return switch (severity) {
            case ERROR -> Diagnostic.Kind.ERROR;
            case WARNING -> Diagnostic.Kind.WARNING;
            case NOTE -> Diagnostic.Kind.NOTE;
            case OFF -> null;
        };
    }
}
