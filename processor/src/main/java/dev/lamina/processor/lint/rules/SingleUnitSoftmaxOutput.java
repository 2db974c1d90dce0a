package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DenseSpec;
import java.util.List;

/**
 * A classifier whose output has a single unit: softmax cross-entropy over one class is identically
 * 0, so the model cannot learn. Reported as an ERROR on the last weighted layer.
 */
@LintRule(severity = Severity.ERROR,
        summary = "A classifier with one output unit: softmax cross-entropy over one class is always 0.",
        help = "A model whose output is a single unit is trained with softmax cross-entropy over that"
                + " one unit: softmax of a single logit is 1 whatever the logit, so the loss is"
                + " identically 0, no gradient flows and the model never learns. Keras"
                + " programs write binary classifiers as Dense(1, activation='sigmoid') with"
                + " binary cross-entropy; NeuraLint (Nikanjam et al. 2021) and UMLAUT (Schoop"
                + " et al. 2021) report the mismatch of a one-unit output and a softmax loss."
                + " Fix: " + SingleUnitSoftmaxOutput.FIX + ".")
public final class SingleUnitSoftmaxOutput extends Rule {

    /** Why a one-unit output cannot train; shared with the rules whose fix would otherwise leave it. */
    public static final String WHY = "Lamina trains a classifier with softmax cross-entropy on its"
            + " outputs, and softmax over a single output is always 1: the loss is identically 0 and"
            + " so is every gradient, so the model never learns (the one-unit output with a sigmoid"
            + " is Keras's binary_crossentropy idiom, which Lamina's loss does not have).";

    /** The fix: two logits; softmax over two logits is the sigmoid of their difference. */
    public static final String FIX = "give it two outputs, @Dense(units = 2) with no activation, and"
            + " label the two classes 0 and 1 (softmax over two logits is the sigmoid of their"
            + " difference, so this is the same binary classifier)";

    @Override
    public List<Finding> check(LayerSequence layers) {
        int last = layers.lastWeighted();
        if (last < 0 || !layers.isClassifier() || layers.model().output().dim(0) != 1) {
            return List.of();
        }
        String fix = layers.spec(last) instanceof DenseSpec ? FIX
                : "make " + layers.describe(last) + " end in @Dense(units = 2) with no activation, and"
                        + " label the two classes 0 and 1";
        return List.of(finding(layers, last, new Message("layer " + layers.describeWeighted(last, false)
                + " is the last weighted layer and gives the classifier a single output "
                + layers.model().output() + ". " + WHY, fix + ".")));
    }
}
