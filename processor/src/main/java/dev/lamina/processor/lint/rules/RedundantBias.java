package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.LayerSpec;
import java.util.List;

/** {@code bias = true} on a weighted layer directly followed by {@code @BatchNorm}. */
@LintRule(severity = Severity.NOTE,
        summary = "bias = true on a weighted layer directly followed by @BatchNorm, which cancels it.",
        help = "Batch norm subtracts the mean of each channel (or feature), which cancels any"
                + " constant added before it: the bias of a @Conv, @DepthwiseConv or @Dense directly followed by"
                + " @BatchNorm is never used, and batch norm's own shift (beta) takes its role"
                + " (Ioffe & Szegedy 2015, section 3.2). Fix: bias = false.")
public final class RedundantBias extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return findAt(layers, i -> i + 1 < layers.size() && layers.spec(i).isWeighted() && layers.spec(i).bias()
                        && layers.spec(i + 1) instanceof BatchNormSpec,
                i -> message(layers, i));
    }

    /** Number of bias parameters of the weighted layer at {@code i}: one per output channel or unit. */
    private static int biasCount(LayerSequence layers, int i) {
        return layers.layer(i).out().dim(0);
    }

    private static Message message(LayerSequence layers, int i) {
        LayerSpec spec = layers.spec(i);
        return new Message("layer " + layers.describe(i) + " has a bias (" + LintText.count(biasCount(layers, i))
                + " parameters) and is directly followed by batch norm " + layers.describe(i + 1)
                + ", whose mean subtraction cancels it: the bias is never used (Ioffe & Szegedy 2015,"
                + " section 3.2).", "@" + spec.kind() + "(..., bias = false)" + layers.declaredWhere(i) + ".");
    }
}
