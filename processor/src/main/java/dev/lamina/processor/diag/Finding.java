package dev.lamina.processor.diag;

import dev.lamina.processor.model.Origin;

/**
 * One diagnostic about a model, as plain data: produced by shape inference (errors) and by the
 * lint rules (warnings and notes), printed by the report layer.
 *
 * @param id stable id without the {@code lamina:} prefix, e.g. {@code DropoutBetweenConvs}
 * @param severity how it is reported
 * @param origin the annotation (and attribute) it is about
 * @param message full text after the {@code [lamina:<id>]} tag: names the layer, says what is
 *     wrong with the computed shapes where they matter, why, and what to do instead
 */
public record Finding(String id, Severity severity, Origin origin, String message) {

    /** The tag every Lamina diagnostic starts with, e.g. {@code [lamina:DropoutBetweenConvs]}. */
    public String tag() {
        return "[lamina:" + id + "]";
    }

    /** Tag and message, as printed. */
    public String render() {
        return tag() + " " + message;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, newSeverity, origin, message);
    }
}
