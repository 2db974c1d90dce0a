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
 * Softmax after the last weighted layer of a multi-class model: Lamina's training already applies
 * softmax cross-entropy to the logits, so softmax would be applied twice. (On a binary or
 * multi-label output softmax is {@link SoftmaxBeforeSigmoidLoss}, on a regression output
 * {@link BoundedRegressionOutput}.)
 */
@LintRule(severity = Severity.WARNING,
        summary = "Softmax on a multi-class model's last layer: training already applies softmax cross-entropy to logits.",
        help = "The last layer's outputs are logits: Lamina trains a multi-class model with softmax"
                + " cross-entropy on logits (the DSL contract), so a softmax on the last layer is applied twice."
                + " The loss then sees softmax(p) with every p in [0, 1]: no class can get a high probability, the loss cannot approach 0"
                + " and gradients are small (seed article 001's Keras models end in"
                + " activation='softmax', which Keras pairs with a loss that expects"
                + " probabilities; Lamina's loss expects logits)."
                + " Fix: remove the softmax; apply it to the logits only when you need"
                + " probabilities at prediction time.")
public final class DoubleSoftmax extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        if (layers.task() != ModelTask.MULTI_CLASS) {
            return List.of();
        }
        return concat(findAt(layers, i -> layers.spec(i) instanceof ActivationSpec a && a.fn() == ActivationFn.SOFTMAX
                        && layers.actsOnLogits(i),
                i -> message(layers, i)),
                findInTails(layers, i -> layers.isClassifier() && i == layers.lastWeighted(),
                        spec -> spec instanceof ActivationSpec a && a.fn() == ActivationFn.SOFTMAX,
                        (i, inner) -> new Message("layer " + inner.describe() + " ends sub-model " + layers.describe(i)
                                + ", the last weighted layer of this classifier, so it applies softmax to the"
                                + " output logits " + layers.model().output() + ". Training already applies"
                                + " softmax cross-entropy to the last layer's outputs as logits, so softmax is"
                                + " applied twice.", "remove the softmax from " + inner.declaredIn().simpleName() + ".")));
    }

    private static Message message(LayerSequence layers, int i) {
        int classes = layers.model().output().dim(0);
        String bound = "";
        String fix = "remove the softmax" + layers.declaredWhere(i) + "; apply softmax to the logits only when you need"
                + " probabilities at prediction time.";
        if (classes == 1) {
            bound = " Over a single output softmax is always 1, so the loss is identically 0 and the"
                    + " model never learns, with or without this softmax.";
            fix = "remove the softmax" + layers.declaredWhere(i) + " and " + SingleUnitSoftmaxOutput.FIX + ".";
        } else {
            double maxProbability = Math.E / (Math.E + classes - 1);
            bound = " With " + classes + " classes no class can then get more than "
                    + LintText.percent(maxProbability) + " probability, so the loss never falls below "
                    + LintText.decimal(-Math.log(maxProbability), 2) + ".";
        }
        return new Message("layer " + layers.describe(i) + " applies softmax to the output " + layers.in(i)
                + " of the last weighted layer " + layers.describe(layers.lastWeighted())
                + ". Training already applies softmax cross-entropy to the last layer's outputs as"
                + " logits, so softmax is applied twice and the loss sees softmax(p) with p in [0, 1]."
                + bound, fix);
    }
}
