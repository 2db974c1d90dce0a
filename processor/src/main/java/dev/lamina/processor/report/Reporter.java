package dev.lamina.processor.report;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.SourceLocator;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
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

    /** Prints a finding that belongs to no element (e.g. a bad processor option); OFF is skipped. */
    public void report(Finding finding) {
        Diagnostic.Kind kind = kind(finding.severity());
        if (kind != null) {
            messager.printMessage(kind, finding.render());
            count(kind);
        }
    }

    /**
     * Prints a finding on {@code element}, and on {@code annotation} of it unless null, for findings
     * no {@link SourceLocator} can place (a model's summary, a layer field outside any model, a
     * model that could not be read); OFF is skipped.
     */
    public void report(Finding finding, Element element, AnnotationMirror annotation) {
        Diagnostic.Kind kind = kind(finding.severity());
        if (kind == null) {
            return;
        }
        if (annotation != null) {
            messager.printMessage(kind, finding.render(), element, annotation);
        } else {
            messager.printMessage(kind, finding.render(), element);
        }
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
