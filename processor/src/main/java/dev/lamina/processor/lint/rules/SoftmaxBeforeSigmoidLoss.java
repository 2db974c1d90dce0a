package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelTask;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/**
 * Softmax on the output of a binary or multi-label model, which is trained with sigmoid
 * cross-entropy on each logit: over one output softmax is the constant 1, and over several it
 * makes independent labels compete. An ERROR on the softmax.
 */
@LintRule(severity = Severity.ERROR,
        summary = "Softmax on a binary or multi-label output, which sigmoid cross-entropy takes as independent logits.",
        help = "A binary model (@Model(task = Model.Task.BINARY)) and a multi-label model (task ="
                + " Model.Task.MULTI_LABEL) are trained with sigmoid cross-entropy on each logit, which"
                + " applies the sigmoid itself. Softmax over a binary model's one output is 1 whatever"
                + " the input, so the model predicts the same for every image and gets no gradient; over"
                + " a multi-label model's outputs it makes them sum to 1, so labels that should be"
                + " independent compete, and the sigmoid of a value in (0, 1) is at least 0.5, so every"
                + " label is predicted present at the 0.5 threshold (UMLAUT, Schoop et al. 2021, reports"
                + " a softmax output with a binary loss). Fix: remove the softmax; the last weighted"
                + " layer's outputs are the logits.")
public final class SoftmaxBeforeSigmoidLoss extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        if (layers.task() != ModelTask.BINARY && layers.task() != ModelTask.MULTI_LABEL) {
            return List.of();
        }
        return concat(findAt(layers, i -> isSoftmax(layers.spec(i)) && layers.actsOnLogits(i),
                        i -> message(layers, "layer " + layers.describe(i), layers.in(i), " of the last weighted layer "
                                + layers.describe(layers.lastWeighted()), layers.declaredWhere(i))),
                findInTails(layers, i -> layers.isClassifier() && i == layers.lastWeighted(),
                        SoftmaxBeforeSigmoidLoss::isSoftmax,
                        (i, inner) -> message(layers, "layer " + inner.describe(), layers.model().output(),
                                " of sub-model " + layers.describe(i) + ", the last weighted layer",
                                " from " + inner.declaredIn().simpleName())));
    }

    private static boolean isSoftmax(LayerSpec spec) {
        return spec instanceof ActivationSpec a && a.fn() == ActivationFn.SOFTMAX;
    }

    private static Message message(LayerSequence layers, String softmax, TensorShape output, String of, String where) {
        boolean binary = layers.task() == ModelTask.BINARY;
        String why = binary && output.dim(0) == 1
                ? " Softmax over one output is 1 whatever the input, so the model gives every image the same"
                        + " answer and its loss gets no gradient: it never learns."
                : " Softmax makes the outputs sum to 1, so labels that should be independent compete (an image"
                        + " cannot have two likely labels), and the sigmoid of a value in (0, 1) is at least 0.5, so"
                        + " at the 0.5 threshold every label is predicted present.";
        return new Message(softmax + " applies softmax to the output " + output + of + " of this "
                + layers.task().words() + " model (@Model(task = " + layers.task().declaration()
                + ")), which is trained with sigmoid cross-entropy: the loss takes each logit and applies the"
                + " sigmoid itself." + why,
                "remove the softmax" + where + "; the last weighted layer's outputs are the logits, and training"
                        + " applies the sigmoid to each.");
    }
}
