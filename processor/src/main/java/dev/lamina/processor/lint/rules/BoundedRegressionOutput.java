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
 * An activation that bounds the output of a regression model (ReLU, GELU, sigmoid, tanh,
 * softmax after its last weighted layer): values outside the bound can never be predicted.
 * Leaky ReLU is not reported: it is one-to-one, so every value stays reachable.
 */
@LintRule(severity = Severity.WARNING,
        summary = "ReLU/GELU/sigmoid/tanh/softmax on a regression output: values outside its range cannot be predicted.",
        help = "A regression model (@Model(task = Model.Task.REGRESSION)) predicts real values with the"
                + " outputs of its last weighted layer, trained with a squared or Huber error. An activation"
                + " after it bounds those values: ReLU to at least 0 (and no gradient below), GELU to at"
                + " least -0.17, sigmoid to (0, 1), tanh to (-1, 1), softmax to values that sum to 1"
                + " (the constant 1 over one output). A target outside the bound can never be predicted,"
                + " and normalized targets, centred on 0, are half outside a ReLU's (UMLAUT, Schoop et"
                + " al. 2021, and NeuraLint, Nikanjam et al. 2021, check the last layer's activation"
                + " against the loss). Fix: remove the activation; the last weighted layer's outputs are"
                + " the predicted values.")
public final class BoundedRegressionOutput extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        if (layers.task() != ModelTask.REGRESSION) {
            return List.of();
        }
        return concat(findAt(layers, i -> bounds(layers.spec(i)) && layers.actsOnLogits(i),
                        i -> message(layers, "layer " + layers.describe(i), (ActivationSpec) layers.spec(i),
                                layers.in(i), " of the last weighted layer " + layers.describe(layers.lastWeighted()),
                                layers.declaredWhere(i))),
                findInTails(layers, i -> layers.isClassifier() && i == layers.lastWeighted(),
                        BoundedRegressionOutput::bounds,
                        (i, inner) -> message(layers, "layer " + inner.describe(), (ActivationSpec) inner.spec(),
                                layers.model().output(), " of sub-model " + layers.describe(i)
                                        + ", the last weighted layer", " from " + inner.declaredIn().simpleName())));
    }

    /** Whether the spec is an activation whose range is not every real value. */
    private static boolean bounds(LayerSpec spec) {
        return spec instanceof ActivationSpec a && a.fn() != ActivationFn.LEAKY_RELU;
    }

    private static Message message(LayerSequence layers, String activation, ActivationSpec spec, TensorShape output,
                                   String of, String where) {
        return new Message(activation + " bounds the output " + output + of + " of this regression model"
                + " (@Model(task = " + ModelTask.REGRESSION.declaration() + ")), whose outputs are the predicted"
                + " values, trained with a squared or Huber error. " + why(spec.fn(), output)
                + " A target outside that range can never be predicted.",
                "remove it" + where + "; the last weighted layer's outputs are the predicted values.");
    }

    private static String why(ActivationFn fn, TensorShape output) {
        return switch (fn) {
            case RELU -> "ReLU makes every value at least 0 and passes no gradient below it: a negative target"
                    + " (half of them once targets are normalized to mean 0) is predicted 0 and not learned.";
            case GELU -> "GELU makes every value at least -0.17 and nearly flat below 0.";
            case SIGMOID -> "Sigmoid bounds every value to (0, 1), and its gradient vanishes near both ends.";
            case TANH -> "Tanh bounds every value to (-1, 1), and its gradient vanishes near both ends.";
            case SOFTMAX -> output.dim(0) == 1 ? "Softmax over one output is the constant 1, so the model predicts"
                    + " 1 for every image and gets no gradient."
                    : "Softmax bounds every value to (0, 1) and makes the " + output.dim(0) + " values sum to 1.";
            case LEAKY_RELU -> throw new IllegalArgumentException("leaky ReLU does not bound");
        };
    }
}
