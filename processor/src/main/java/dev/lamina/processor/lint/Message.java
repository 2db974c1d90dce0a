package dev.lamina.processor.lint;

/**
 * What a rule says about one place, in two parts: what is wrong and why, and what to do. The rule
 * helpers ({@link Rule#finding}) make the second part the finding's {@link dev.lamina.processor.diag.Fix},
 * carried out on the layer the rule names; the two are printed as {@code <text> Fix: <fix>}.
 *
 * @param text what is wrong and why, ending with its period
 * @param fix what to do, ending with its period (e.g. {@code @Conv(..., bias = false) in Block.})
 * @param attribute the attribute of the named layer's annotation that the Fix sets, when it sets
 *     one to a known value; null otherwise
 * @param value that value, as source text (e.g. {@code 0.5}); null when {@code attribute} is
 */
public record Message(String text, String fix, String attribute, String value) {

    /** A message whose Fix is advice about the named layer, with no one value to write. */
    public Message(String text, String fix) {
        this(text, fix, null, null);
    }

    /** This message, whose Fix sets {@code attribute} of the named layer's annotation to {@code value}. */
    public Message setting(String attribute, String value) {
        return new Message(text, fix, attribute, value);
    }
}
