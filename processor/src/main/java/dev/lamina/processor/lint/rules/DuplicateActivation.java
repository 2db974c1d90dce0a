package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ActivationSpec;
import java.util.List;

/**
 * Two activations in a row, e.g. {@code @Conv(activation = RELU) @ReLU}; reported on the second,
 * except on a classifier's logits, where {@link ActivationOnLogits} or {@link DoubleSoftmax} reports
 * each activation with the Fix that removes it.
 */
@LintRule(severity = Severity.WARNING,
        summary = "Two activations in a row, e.g. @Conv(activation = RELU) @ReLU.",
        help = "Two activations directly after each other add no capacity: ReLU(ReLU(x)) = ReLU(x),"
                + " and a different second activation only re-squashes the first one's output."
                + " It usually comes from writing both activation = ... and an activation"
                + " annotation. Fix: keep one of them.")
public final class DuplicateActivation extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        // on a classifier's logits, ActivationOnLogits or DoubleSoftmax reports each activation with
        // the Fix that removes it, which removes the duplicate too: one finding, one Fix per layer
        return findAt(layers, i -> i > 0 && layers.spec(i) instanceof ActivationSpec
                        && layers.spec(i - 1) instanceof ActivationSpec && !layers.actsOnLogits(i),
                i -> message(layers, i));
    }

    private static Message message(LayerSequence layers, int i) {
        ActivationFn first = ((ActivationSpec) layers.spec(i - 1)).fn();
        ActivationFn second = ((ActivationSpec) layers.spec(i)).fn();
        String why = first == second && (first == ActivationFn.RELU)
                ? "ReLU(ReLU(x)) = ReLU(x), so the second one does nothing."
                : first == second
                        ? "Applying " + first.displayName() + " twice only re-squashes its own output"
                                + " and adds no capacity."
                        : second.displayName() + " re-squashes the output of " + first.displayName()
                                + " and adds no capacity.";
        return new Message("layer " + layers.describe(i) + " comes right after activation " + layers.describe(i - 1)
                + ". " + why, "keep one activation (" + (layers.sameDeclaration(i, i - 1)
                        ? "remove the annotation, or the activation = attribute)."
                        : "remove " + layers.describe(i) + ", or " + layers.describe(i - 1) + ")."));
    }
}
