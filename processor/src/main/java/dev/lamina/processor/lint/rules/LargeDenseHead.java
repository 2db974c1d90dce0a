package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.FlattenSpec;
import java.util.List;

/**
 * A {@code @Flatten} feeding a {@code @Dense} (with no weighted layer between) whose weight
 * matrix has more than {@value #MAX_WEIGHTS} parameters.
 */
@LintRule(severity = Severity.NOTE,
        summary = "@Flatten feeding a @Dense with more than 1,000,000 weights, most of the model's; consider @GlobalAvgPool.",
        help = "Flattening a feature map into a @Dense layer gives a weight matrix of C x H x W x"
                + " units, which often holds most of the model's parameters and overfits. Reported when"
                + " that matrix has more than 1,000,000 weights and more than 80% of the model's"
                + " parameters (AlexNet's and VGG's heads, 62% and 74%, are regularized by dropout as"
                + " their papers design them, and not reported)."
                + " He et al. (2016, ResNet) and seed article 000 end the conv stack with global"
                + " average pooling instead, which keeps one feature per channel. Fix: replace"
                + " @Flatten with @GlobalAvgPool.")
public final class LargeDenseHead extends Rule {

    /** Weight-matrix size above which the note fires. */
    static final long MAX_WEIGHTS = 1_000_000;

    /**
     * Share of the model's parameters above which the matrix dominates the model: the Keras and
     * Stack Overflow CNNs of the corpus put 90% or more there, AlexNet (Krizhevsky et al. 2012) 62%
     * and VGG-16 (Simonyan &amp; Zisserman 2015) 74%, heads their papers regularize with dropout.
     */
    static final double MAX_SHARE = 0.8;

    @Override
    public List<Finding> check(LayerSequence layers) {
        return layers.indices().filter(i -> layers.spec(i) instanceof DenseSpec && flattenBefore(layers, i) >= 0
                        && layers.in(flattenBefore(layers, i)).isFeatureMap()
                        && weights(layers, i) > MAX_WEIGHTS
                        && weights(layers, i) > MAX_SHARE * layers.model().totalParams())
                .mapToObj(i -> finding(layers, i, flattenBefore(layers, i), message(layers, i)))
                .toList();
    }

    /** Index of a {@code @Flatten} between the previous weighted layer and {@code dense}, or -1. */
    private static int flattenBefore(LayerSequence layers, int dense) {
        for (int i = dense - 1; i > layers.previousWeighted(dense); i--) {
            if (layers.spec(i) instanceof FlattenSpec) {
                return i;
            }
        }
        return -1;
    }

    private static long weights(LayerSequence layers, int dense) {
        return layers.in(dense).size() * ((DenseSpec) layers.spec(dense)).units();
    }

    private static Message message(LayerSequence layers, int i) {
        int flatten = flattenBefore(layers, i);
        int units = ((DenseSpec) layers.spec(i)).units();
        long features = layers.in(i).size();
        long weights = weights(layers, i);
        int channels = layers.in(flatten).dim(0);
        double share = (double) weights / Math.max(1, layers.model().totalParams());
        return new Message("layer " + layers.describe(i) + " takes the " + LintText.count(features)
                + " features that " + layers.describe(flatten) + " makes of "
                + LayerSequence.shapeWords(layers.in(flatten)) + ": its weight matrix has "
                + LintText.count(weights) + " parameters (" + LintText.count(features) + " x "
                + LintText.count(units) + "), " + LintText.percent(share) + " of the model's "
                + LintText.count(layers.model().totalParams()) + ". He et al. (2016, ResNet) and seed"
                + " article 000 end the conv stack with global average pooling instead.", "replace"
                + " @Flatten" + layers.declaredWhere(flatten) + " with @GlobalAvgPool (this layer then has " + LintText.count(channels)
                + " x " + LintText.count(units) + " = " + LintText.count((long) channels * units)
                + " weights).");
    }
}
