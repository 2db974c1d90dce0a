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
import dev.lamina.processor.model.ModelTask;
import java.util.List;

/**
 * ReLU, leaky ReLU, GELU, sigmoid or tanh after the last weighted layer of a model whose output
 * is logits: a multi-class, binary or multi-label network (softmax there is {@link DoubleSoftmax}
 * or {@link SoftmaxBeforeSigmoidLoss}; a regression output is {@link BoundedRegressionOutput}'s).
 */
@LintRule(severity = Severity.WARNING,
        summary = "ReLU/sigmoid/tanh/GELU on the last layer's output, which should be raw logits.",
        help = "The last layer's outputs are logits, which the loss takes unbounded in both"
                + " directions: softmax cross-entropy (multi-class) or sigmoid cross-entropy on each"
                + " logit (binary, multi-label), which applies the sigmoid itself. ReLU (and GELU, and"
                + " to a degree leaky ReLU) clips negative logits, so a class cannot be scored below"
                + " the others and clipped units get no gradient; sigmoid and tanh bound logits to"
                + " (0, 1) or (-1, 1), so the model cannot become confident (a sigmoid before sigmoid"
                + " cross-entropy is applied twice and predicts every image positive). Fix: remove"
                + " the activation; the last weighted layer's outputs are the logits.")
public final class ActivationOnLogits extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return concat(findAt(layers, i -> layers.spec(i) instanceof ActivationSpec a && a.fn() != ActivationFn.SOFTMAX
                        && layers.hasLogits() && layers.actsOnLogits(i),
                i -> message(layers, i)),
                findInTails(layers, i -> layers.hasLogits() && i == layers.lastWeighted(),
                        spec -> spec instanceof ActivationSpec a && a.fn() != ActivationFn.SOFTMAX,
                        (i, inner) -> new Message("layer " + inner.describe() + " ends sub-model " + layers.describe(i)
                                + ", the last weighted layer of this " + modelWords(layers) + ", so it is applied to the output"
                                + " logits " + layers.model().output() + ". "
                                + why(layers, ((ActivationSpec) inner.spec()).fn()),
                                "remove it from " + inner.declaredIn().simpleName()
                                        + "; the last weighted layer's outputs are the logits.")));
    }

    private static Message message(LayerSequence layers, int i) {
        ActivationSpec activation = (ActivationSpec) layers.spec(i);
        if (layers.task() == ModelTask.MULTI_CLASS && layers.model().output().dim(0) == 1) {
            return new Message("layer " + layers.describe(i) + " is applied to the single output "
                    + layers.in(i) + " of the last weighted layer " + layers.describe(layers.lastWeighted())
                    + ", as in Keras's binary classifier Dense(1, activation='" + activation.fn().suffix()
                    + "'). " + SingleUnitSoftmaxOutput.WHY, "remove it" + layers.declaredWhere(i) + " and "
                    + SingleUnitSoftmaxOutput.FIX + ".");
        }
        return new Message("layer " + layers.describe(i) + " is applied to the output logits " + layers.in(i)
                + " of the last weighted layer " + layers.describe(layers.lastWeighted()) + ". "
                + why(layers, activation.fn()),
                "remove it" + layers.declaredWhere(i) + "; the last weighted layer's outputs are the logits, and training"
                        + " applies " + loss(layers.task()) + " to them.");
    }

    /** How a message names the model: a classifier, or the task's model. */
    private static String modelWords(LayerSequence layers) {
        return layers.task() == ModelTask.MULTI_CLASS ? "classifier" : layers.task().words() + " model";
    }

    /** The loss the task's training applies to the logits. */
    static String loss(ModelTask task) {
        return task == ModelTask.MULTI_CLASS ? "softmax cross-entropy" : "sigmoid cross-entropy";
    }

    private static String why(LayerSequence layers, ActivationFn fn) {
        if (layers.task() != ModelTask.MULTI_CLASS) {
            return sigmoidWhy(layers.task(), fn);
        }
        int classes = Math.max(2, layers.model().output().dim(0));
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

    /**
     * Why an activation harms a binary or multi-label output: the loss takes the logit and applies
     * the sigmoid itself, so the probability of a label is sigmoid(f(z)).
     */
    private static String sigmoidWhy(ModelTask task, ActivationFn fn) {
        String label = task == ModelTask.BINARY ? "the positive class" : "each label";
        String loss = "The loss, sigmoid cross-entropy, takes the logit and applies the sigmoid itself, so the"
                + " predicted probability of " + label + " is sigmoid of this layer's output. ";
        return loss + switch (fn) {
            case RELU -> "ReLU makes every logit at least 0, so that probability is never below 0.5: at the 0.5"
                    + " threshold the model answers yes for every image, and a negative example gets no gradient"
                    + " once its logit is clipped.";
            case GELU -> "GELU keeps every logit above -0.17, so that probability is never below "
                    + LintText.percent(sigmoid(-0.17)) + ": the model can hardly answer no.";
            case LEAKY_RELU -> "Leaky ReLU shrinks negative logits by its slope, so a no needs a logit many"
                    + " times larger than a yes and learns that much more slowly.";
            case SIGMOID -> "Sigmoid applied twice gives a probability between " + LintText.percent(sigmoid(0)) + " and "
                    + LintText.percent(sigmoid(1)) + ": at the 0.5 threshold the model answers yes for every image, and"
                    + " its loss never falls below " + LintText.decimal(-Math.log(sigmoid(1)), 2) + ".";
            case TANH -> "Tanh bounds the logit to (-1, 1), so that probability stays between "
                    + LintText.percent(sigmoid(-1)) + " and " + LintText.percent(sigmoid(1))
                    + ": the model can never be confident, and its loss never falls below "
                    + LintText.decimal(-Math.log(sigmoid(1)), 2) + ".";
            case SOFTMAX -> throw new IllegalArgumentException("softmax is SoftmaxBeforeSigmoidLoss's");
        };
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Highest softmax probability when logits lie in an interval of the given width. */
    private static String bound(double width, int classes) {
        double top = Math.exp(width);
        return LintText.percent(top / (top + classes - 1));
    }
}
