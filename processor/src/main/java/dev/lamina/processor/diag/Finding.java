package dev.lamina.processor.diag;

/**
 * One diagnostic about a model, as plain data: produced by shape inference (errors) and by the
 * lint rules (warnings and notes), printed by the report layer.
 *
 * @param id stable id without the {@code lamina:} prefix, e.g. {@code DropoutBetweenConvs}
 * @param severity how it is reported
 * @param origin the annotation (and attribute) it is about; null for a finding about the compilation
 *     as a whole (a processor option, the SARIF file) or about a whole element (a model's summary)
 * @param text the text after the {@code [lamina:<id>]} tag and before the Fix: names the layer,
 *     says what is wrong with the computed shapes where they matter, and why
 * @param fix what to do instead, as structure ({@link Fix}); null for a finding that asks for
 *     nothing (a summary)
 * @param declaredIn for a finding about a layer declared inside a sub-model and caused by how the
 *     model at hand composes it (a whole-network finding): that sub-model and the layer's origin in
 *     it, where the finding is reported as well; null otherwise
 */
public record Finding(String id, Severity severity, Origin origin, String text, Fix fix, Declaration declaredIn) {

    /**
     * Where a layer of a sub-model is declared.
     *
     * @param model qualified name of the {@code @Model} class whose field declares the layer
     * @param origin the layer's origin in that class
     */
    public record Declaration(String model, Origin origin) {

        /** The simple name of {@link #model()}, e.g. {@code ConvBlock}. */
        public String modelSimpleName() {
            return model.substring(model.lastIndexOf('.') + 1);
        }
    }

    /**
     * What identifies a finding about one layer, typed: its diagnostic, the model whose class
     * declares the layer (qualified name) and the layer's origin there. Two findings with one key
     * are one diagnostic, reported once where the layer is declared.
     *
     * @param id the diagnostic's id
     * @param model qualified name of the model that declares the layer
     * @param origin the layer's origin in that model
     */
    public record Key(String id, String model, Origin origin) {}

    /**
     * The key of this finding as a finding about the layer where it is declared: {@link #declaredIn()}
     * when it has one, else its origin in {@code model} (the model at hand).
     */
    public Key keyIn(String model) {
        return declaredIn == null ? new Key(id, model, origin) : new Key(id, declaredIn.model(), declaredIn.origin());
    }

    /** A finding about the model at hand only, with a Fix. */
    public Finding(String id, Severity severity, Origin origin, String text, Fix fix) {
        this(id, severity, origin, text, fix, null);
    }

    /** A finding about the model at hand only whose message holds all it says (no structured Fix). */
    public Finding(String id, Severity severity, Origin origin, String message) {
        this(id, severity, origin, message, null, null);
    }

    /** What starts a Fix in a rendered message (written, never looked for). */
    private static final String FIX = " Fix: ";

    /**
     * The full text after the tag, as printed: {@link #text()}, then {@code Fix: } and the Fix's
     * text when there is one.
     */
    public String message() {
        return fix == null ? text : text + FIX + fix.text();
    }

    /** The tag every Lamina diagnostic starts with, e.g. {@code [lamina:DropoutBetweenConvs]}. */
    public String tag() {
        return tag(id);
    }

    /**
     * The tag of the diagnostic {@code id}, for a message that names another diagnostic; the one
     * place that spells the tag.
     */
    public static String tag(String id) {
        return "[lamina:" + id + "]";
    }

    /** Tag and message, as printed. */
    public String render() {
        return tag() + " " + message();
    }

    /**
     * The same diagnostic placed at {@code newOrigin} and about that place only (no
     * {@link #declaredIn()}): where a sub-model's finding is reported on the field that uses it, or
     * a whole-network lint on the annotation that declares its layer.
     */
    public Finding at(Origin newOrigin) {
        return new Finding(id, severity, newOrigin, text, fix, null);
    }

    /** The same diagnostic, about a layer declared in a sub-model at {@code declaration} too. */
    public Finding declaredAt(Declaration declaration) {
        return new Finding(id, severity, origin, text, fix, declaration);
    }

    /** The same diagnostic with another text and Fix (e.g. with its likely cause added). */
    public Finding withText(String newText, Fix newFix) {
        return new Finding(id, severity, origin, newText, newFix, declaredIn);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, newSeverity, origin, text, fix, declaredIn);
    }
}
