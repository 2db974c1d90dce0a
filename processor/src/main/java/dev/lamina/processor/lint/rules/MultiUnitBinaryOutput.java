package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.ModelTask;
import java.util.List;

/**
 * A binary model whose output is a vector of more than one unit: the binary task trains one logit
 * (the positive class's) with sigmoid cross-entropy. An ERROR on the last weighted layer.
 */
@LintRule(severity = Severity.ERROR,
        summary = "A binary model whose output is not one unit: the binary task trains one logit.",
        help = "A binary model (@Model(task = Model.Task.BINARY)) answers yes or no: it is trained with"
                + " sigmoid cross-entropy on one logit, the positive class's, against a label of 0 or 1,"
                + " and predicts the probability sigmoid(z). An output of N > 1 units has no such logit:"
                + " the loss cannot pair one label with N outputs (Keras's binary_crossentropy on"
                + " Dense(2) compares each of the two outputs with the label, which is another model"
                + " than the one declared). Fix: give the last layer one unit, @Dense(units = 1) with no"
                + " activation; for N classes with softmax, leave task out (multi-class), for N"
                + " independent labels declare Model.Task.MULTI_LABEL.")
public final class MultiUnitBinaryOutput extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        int last = layers.lastWeighted();
        if (last < 0 || !layers.isClassifier() || layers.task() != ModelTask.BINARY
                || layers.model().output().dim(0) == 1) {
            return List.of();
        }
        int units = layers.model().output().dim(0);
        String text = "layer " + layers.describeWeighted(last, false) + " is the last weighted layer and gives"
                + " the binary model (@Model(task = " + ModelTask.BINARY.declaration() + ")) " + units
                + " outputs " + layers.model().output() + ". The binary task trains one logit, the positive"
                + " class's, with sigmoid cross-entropy against a label of 0 or 1, so its output must be one"
                + " unit" + (units == 2 ? " (two outputs for two classes are the multi-class task, the"
                + " default: leave task out to train them with softmax cross-entropy)" : " (N independent labels"
                + " are the multi-label task, " + ModelTask.MULTI_LABEL.declaration() + ")") + ".";
        if (layers.spec(last) instanceof DenseSpec) {
            return List.of(finding(layers, last, new Message(text, "@Dense(units = 1)" + layers.declaredWhere(last)
                    + ", with no activation.").setting("units", "1")));
        }
        return List.of(finding(layers, last, new Message(text, "end " + (layers.isInner(last) ? layers.entry(last)
                .declaredIn().simpleName() : "the model") + " in @Dense(units = 1) with no activation, after "
                + layers.describe(last) + ".")));
    }
}
