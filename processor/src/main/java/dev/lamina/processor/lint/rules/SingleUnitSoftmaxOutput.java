package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ModelTask;
import java.util.List;

/**
 * A multi-class model (the default task) whose output has a single unit: softmax cross-entropy
 * over one class is identically 0, so the model cannot learn. Reported as an ERROR on the last
 * weighted layer; its Fix declares the binary task, which trains one logit with sigmoid
 * cross-entropy.
 */
@LintRule(severity = Severity.ERROR,
        summary = "A multi-class model with one output unit: softmax cross-entropy over one class is always 0.",
        help = "A multi-class model (the default task) is trained with softmax cross-entropy over its"
                + " outputs: softmax of a single logit is 1 whatever the logit, so the loss is"
                + " identically 0, no gradient flows and the model never learns. Keras"
                + " programs write binary classifiers as Dense(1, activation='sigmoid') with"
                + " binary cross-entropy; NeuraLint (Nikanjam et al. 2021) and UMLAUT (Schoop"
                + " et al. 2021) report the mismatch of a one-unit output and a softmax loss."
                + " Fix: " + SingleUnitSoftmaxOutput.FIX + ".")
public final class SingleUnitSoftmaxOutput extends Rule {

    /** Why a one-unit multi-class output cannot train; shared with the rules whose fix would otherwise leave it. */
    public static final String WHY = "Lamina trains a multi-class model (the default task) with softmax"
            + " cross-entropy on its outputs, and softmax over a single output is always 1: the loss is"
            + " identically 0 and so is every gradient, so the model never learns (the one-unit output with"
            + " a sigmoid is Keras's binary_crossentropy idiom, which is Lamina's binary task).";

    /** The value of {@code @Model(task)} the Fix writes ({@link ModelTask#declaration()} of {@link ModelTask#BINARY}, as a constant). */
    public static final String BINARY = "Model.Task.BINARY";

    /** The fix: the binary task, which trains the one logit with sigmoid cross-entropy. */
    public static final String FIX = "declare the binary task, @Model(..., task = " + BINARY + "), and keep the"
            + " one output with no activation, e.g. @Dense(units = 1): training then applies sigmoid"
            + " cross-entropy to its logit";

    @Override
    public List<Finding> check(LayerSequence layers) {
        int last = layers.lastWeighted();
        if (last < 0 || !layers.isClassifier() || layers.task() != ModelTask.MULTI_CLASS
                || layers.model().output().dim(0) != 1) {
            return List.of();
        }
        return List.of(findingFixedOnModel(layers, last, new Message("layer " + layers.describeWeighted(last, false)
                + " is the last weighted layer and gives the multi-class model a single output "
                + layers.model().output() + ". " + WHY, FIX + "."), "task", BINARY));
    }
}
