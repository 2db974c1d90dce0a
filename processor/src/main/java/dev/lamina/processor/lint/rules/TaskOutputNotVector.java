package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ModelTask;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A binary, multi-label or regression network whose output is a (C, H, W) feature map, not a
 * vector: those tasks train and predict one logit or value per output unit of a vector. An ERROR
 * on the last weighted layer. (A multi-class model's output is not checked here: a network
 * without a declared task keeps the behaviour it had before tasks existed.)
 */
@LintRule(severity = Severity.ERROR,
        summary = "A binary, multi-label or regression model whose output is a feature map, not a vector.",
        help = "A binary model trains one logit, a multi-label model one logit per label and a"
                + " regression model one value per target, each a unit of the output vector: the labels"
                + " and targets of these tasks are vectors, so a (C, H, W) output has nothing to be"
                + " compared with. Fix: end the model in @GlobalAvgPool and @Dense(units = N) with no"
                + " activation (N = 1 for a binary model, the number of labels or values otherwise),"
                + " after an activation when the last conv has none.")
public final class TaskOutputNotVector extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        if (layers.isBlock() || layers.task() == ModelTask.MULTI_CLASS || layers.model().output().isVector()) {
            return List.of();
        }
        int last = layers.lastWeighted() >= 0 ? layers.lastWeighted() : layers.size() - 1;
        String units = layers.task() == ModelTask.BINARY ? "1"
                : layers.task() == ModelTask.MULTI_LABEL ? "<number of labels>" : "<number of values>";
        String relu = needsActivation(layers) ? "@ReLU, " : "";
        String what = switch (layers.task()) {
            case BINARY -> "one logit, the positive class's";
            case MULTI_LABEL -> "one logit per label";
            default -> "one value per target";
        };
        Message message = new Message((last < 0 ? "model '" + layers.model().spec().simpleName() + "' (@Model)"
                : "layer " + layers.describe(last) + ", the last " + (layers.lastWeighted() >= 0 ? "weighted " : "")
                        + "layer,") + " gives this " + layers.task().words() + " model (@Model(task = "
                + layers.task().declaration() + ")) the output " + layers.model().output() + ", a (C, H, W) feature"
                + " map. The task trains " + what + " as the units of an output vector, against a vector of labels"
                + " or targets, so a feature map has nothing to be compared with.",
                "end the model in " + relu + "@GlobalAvgPool and @Dense(units = " + units + ") with no activation.");
        if (last < 0) {
            return List.of(finding(Origin.ofModel("task"), message));
        }
        if (layers.isInner(last)) {
            return List.of(finding(layers.entry(last).useSite().origin(), message));
        }
        return List.of(finding(layers, last, message));
    }

    /**
     * Whether a dense layer added at the end would compose linearly with the last conv: no
     * nonlinearity (activation, max pooling, layer norm) after it (MissingActivation would report the pair).
     */
    private static boolean needsActivation(LayerSequence layers) {
        int last = layers.lastWeighted();
        return layers.isConv(last) && IntStream.range(last + 1, layers.size())
                .allMatch(i -> LayerSequence.isLinear(layers.spec(i)));
    }
}
