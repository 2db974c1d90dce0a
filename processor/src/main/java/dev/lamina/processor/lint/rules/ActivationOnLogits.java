package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ActivationSpec;
import java.util.List;

/**
 * ReLU, leaky ReLU, GELU, sigmoid or tanh after the last weighted layer of a classifier
 * (softmax there is {@link DoubleSoftmax}).
 */
@LintRule(severity = Severity.WARNING,
        summary = "ReLU/sigmoid/tanh/GELU on the last layer's output, which should be raw logits.",
        help = "The last layer's outputs are logits, which softmax cross-entropy needs unbounded in"
                + " both directions. ReLU (and GELU, and to a degree leaky ReLU) clips negative"
                + " logits, so a class cannot be scored below the others and clipped units get"
                + " no gradient; sigmoid and tanh bound logits to (0, 1) or (-1, 1), so softmax"
                + " cannot become confident. Fix: remove the activation; the last weighted"
                + " layer's outputs are the logits.")
public final class ActivationOnLogits extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return concat(findAt(layers, i -> layers.spec(i) instanceof ActivationSpec a && a.fn() != ActivationFn.SOFTMAX
                        && layers.actsOnLogits(i),
                i -> message(layers, i)),
                findInTails(layers, i -> layers.isClassifier() && i == layers.lastWeighted(),
                        spec -> spec instanceof ActivationSpec a && a.fn() != ActivationFn.SOFTMAX,
                        (i, inner) -> new Message("layer " + inner.describe() + " ends sub-model " + layers.describe(i)
                                + ", the last weighted layer of this classifier, so it is applied to the output"
                                + " logits " + layers.model().output() + ". "
                                + why(((ActivationSpec) inner.spec()).fn(), Math.max(2, layers.model().output().dim(0))),
                                "remove it from " + inner.declaredIn().simpleName()
                                        + "; the last weighted layer's outputs are the logits.")));
    }

    private static Message message(LayerSequence layers, int i) {
        ActivationSpec activation = (ActivationSpec) layers.spec(i);
        if (layers.model().output().dim(0) == 1) {
            return new Message("layer " + layers.describe(i) + " is applied to the single output "
                    + layers.in(i) + " of the last weighted layer " + layers.describe(layers.lastWeighted())
                    + ", as in Keras's binary classifier Dense(1, activation='" + activation.fn().suffix()
                    + "'). " + SingleUnitSoftmaxOutput.WHY, "remove it" + layers.declaredWhere(i) + " and "
                    + SingleUnitSoftmaxOutput.FIX + ".");
        }
        return new Message("layer " + layers.describe(i) + " is applied to the output logits " + layers.in(i)
                + " of the last weighted layer " + layers.describe(layers.lastWeighted()) + ". "
                + why(activation.fn(), layers.model().output().dim(0)),
                "remove it" + layers.declaredWhere(i) + "; the last weighted layer's outputs are the logits, and training"
                        + " applies softmax cross-entropy to them.");
    }

    private static String why(ActivationFn fn, int classes) {
        return switch (fn) {
            case RELU -> "ReLU sets every negative logit to 0, so a class cannot be scored below the"
                    + " others and those outputs get no gradient.";
            case GELU -> "GELU squashes negative logits to near 0, so a class cannot be scored clearly"
                    + " below the others and those outputs get almost no gradient.";
            case LEAKY_RELU -> "Leaky ReLU shrinks negative logits by its slope, distorting the"
                    + " scores softmax cross-entropy compares.";
            case SIGMOID -> "Sigmoid bounds logits to (0, 1), so softmax over " + classes
                    + " classes can never give one class more than "
                    + bound(1, classes) + " probability.";
            case TANH -> "Tanh bounds logits to (-1, 1), so softmax over " + classes
                    + " classes can never give one class more than "
                    + bound(2, classes) + " probability.";
            case SOFTMAX -> throw new IllegalArgumentException("softmax is DoubleSoftmax's");
        };
    }

    /** Highest softmax probability when logits lie in an interval of the given width. */
    private static String bound(double width, int classes) {
        double top = Math.exp(width);
        return LintText.percent(top / (top + classes - 1));
    }
}
