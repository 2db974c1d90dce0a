package dev.lamina.processor.diag;

/**
 * What to do about a finding, as structure (as Error Prone's {@code SuggestedFix}): the text users
 * read after {@code Fix: }, and, where it applies, the annotation or attribute to change and, where
 * a concrete one is known, its new source text. The SARIF log writes it as a result's
 * {@code fixes}; no code reads a Fix back out of a message.
 *
 * @param text what to do, as a sentence that ends with its period (e.g. {@code input = {1, 28, 28}.})
 * @param target where it is carried out; null when it is not one annotation (e.g. an option)
 */
public record Fix(String text, Target target) {

    /**
     * Where a Fix is carried out.
     *
     * @param model qualified name of the {@code @Model} class to edit; null for the model the
     *     finding is about
     * @param origin the annotation, or the attribute ({@link Origin#attribute()}), to change
     * @param replacement the new source text of that attribute's value when one is known (e.g.
     *     {@code {1, 28, 28}}); null otherwise
     */
    public record Target(String model, Origin origin, String replacement) {}

    /** A Fix that says what to do, at no one place. */
    public static Fix of(String text) {
        return new Fix(text, null);
    }

    /** This Fix, carried out on {@code origin} of the model {@code model} (null: the model at hand). */
    public Fix at(String model, Origin origin) {
        return new Fix(text, new Target(model, origin, target == null ? null : target.replacement()));
    }

    /**
     * This Fix, carried out by giving the attribute {@code attribute} (of the model at hand, unless
     * already placed elsewhere) the value {@code replacement}.
     */
    public Fix replacing(Origin attribute, String replacement) {
        return new Fix(text, new Target(target == null ? null : target.model(), attribute, replacement));
    }
}
