package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ActivationSpec;
import java.util.List;

/**
 * Two activations in a row, e.g. {@code @Conv(activation = RELU) @ReLU}; reported on the second.
 */
public final class DuplicateActivation extends Rule {

    public DuplicateActivation() {
        super("DuplicateActivation", Severity.WARNING,
                "Two activations in a row, e.g. @Conv(activation = RELU) @ReLU.",
                "Two activations directly after each other add no capacity: ReLU(ReLU(x)) = ReLU(x),"
                        + " and a different second activation only re-squashes the first one's output."
                        + " It usually comes from writing both activation = ... and an activation"
                        + " annotation. Fix: keep one of them.");
    }

    @Override
    public List<Finding> check(LayerSequence layers) {
        return concat(findAt(layers, i -> i > 0 && layers.spec(i) instanceof ActivationSpec
                        && layers.spec(i - 1) instanceof ActivationSpec,
                i -> message(layers, i)),
                findAt(layers, i -> i > 0 && layers.spec(i) instanceof ActivationSpec
                        && layers.endingActivationOfPlainSubModel(i - 1) != null,
                i -> acrossMessage(layers, i, layers.endingActivationOfPlainSubModel(i - 1))),
                startingActivation(layers));
    }

    /** An activation right before a plain sub-model that starts with an activation. */
    private List<Finding> startingActivation(LayerSequence layers) {
        List<Finding> found = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < layers.size(); i++) {
            List<LayerSequence.Inner> head = layers.headOfPlainSubModel(i + 1);
            if (layers.spec(i) instanceof ActivationSpec && !head.isEmpty() && head.get(0).spec() instanceof ActivationSpec) {
                found.add(findingAcross(layers, i, head.get(0), "layer " + layers.describe(i) + " comes right"
                        + " before activation " + head.get(0).describe() + ", which starts sub-model "
                        + layers.describe(i + 1) + ": two activations in a row add no capacity. Fix: keep one"
                        + " activation (remove this annotation, or the one at the start of "
                        + head.get(0).declaredIn().simpleName() + ")."));
            }
        }
        return found;
    }

    /** An activation right after a plain sub-model that ends in an activation. */
    private static String acrossMessage(LayerSequence layers, int i, LayerSequence.Inner inner) {
        ActivationFn first = ((ActivationSpec) inner.spec()).fn();
        ActivationFn second = ((ActivationSpec) layers.spec(i)).fn();
        String why = first == second && first == ActivationFn.RELU ? "ReLU(ReLU(x)) = ReLU(x), so the second one does nothing."
                : second.displayName() + " re-squashes the output of " + first.displayName() + " and adds no capacity.";
        return "layer " + layers.describe(i) + " comes right after activation " + inner.describe()
                + ", which ends sub-model " + layers.describe(i - 1) + ". " + why + " Fix: keep one activation"
                + " (remove this annotation, or the one at the end of " + inner.declaredIn().simpleName() + ").";
    }

    private static String message(LayerSequence layers, int i) {
        ActivationFn first = ((ActivationSpec) layers.spec(i - 1)).fn();
        ActivationFn second = ((ActivationSpec) layers.spec(i)).fn();
        String why = first == second && (first == ActivationFn.RELU)
                ? "ReLU(ReLU(x)) = ReLU(x), so the second one does nothing."
                : first == second
                        ? "Applying " + first.displayName() + " twice only re-squashes its own output"
                                + " and adds no capacity."
                        : second.displayName() + " re-squashes the output of " + first.displayName()
                                + " and adds no capacity.";
        return "layer " + layers.describe(i) + " comes right after activation " + layers.describe(i - 1)
                + ". " + why + " Fix: keep one activation (remove the annotation, or the"
                + " activation = attribute).";
    }
}
