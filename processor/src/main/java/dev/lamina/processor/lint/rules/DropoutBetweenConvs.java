package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import java.util.List;

/**
 * Element-wise {@code @Dropout} whose nearest weighted layers on both sides are convs ({@code @Conv},
 * {@code @DepthwiseConv}),
 * seeing through sub-models (a residual block after it counts by its main path's first conv).
 */
@LintRule(severity = Severity.WARNING,
        summary = "Element-wise @Dropout between two @Conv layers barely regularizes a feature map.",
        help = "An element-wise @Dropout whose nearest weighted layers on both sides are convs (@Conv or"
                + " @DepthwiseConv) drops"
                + " single activations of a feature map. Neighbouring activations are strongly"
                + " correlated, so a dropped one is recovered from its neighbours and the"
                + " dropout mostly adds noise (Tompson et al. 2015; seed articles 000, 001, 002)."
                + " Fix: use @SpatialDropout, which drops whole channels, or remove the dropout"
                + " and put @BatchNorm between the conv and its activation.")
public final class DropoutBetweenConvs extends Rule {

    /** Why element-wise dropout on feature maps regularizes little; shared with {@link DropoutOnFeatureMaps}. */
    static final String WHY = "Neighbouring activations of a feature map are strongly correlated, so a"
            + " dropped activation is recovered from its neighbours and element-wise dropout"
            + " regularizes little (Tompson et al. 2015).";

    @Override
    public List<Finding> check(LayerSequence layers) {
        return findAt(layers, i -> applies(layers, i), i -> message(layers, i));
    }

    /** Whether the spec at {@code i} is an element-wise dropout this rule reports. */
    static boolean applies(LayerSequence layers, int i) {
        return layers.isElementwiseDropout(i) && layers.isBetweenConvs(i) && !layers.isInsideResidualBlockBetweenConvs(i);
    }

    private static Message message(LayerSequence layers, int i) {
        DropoutSpec dropout = (DropoutSpec) layers.spec(i);
        return DropoutFix.message(layers, i, "layer " + layers.describe(i) + " drops single activations (rate "
                + LintText.decimal(dropout.rate()) + ") between " + layers.describeWeighted(layers.previousWeighted(i), false)
                + " and " + layers.describeWeighted(layers.nextWeighted(i), true) + " on "
                + LayerSequence.shapeWords(layers.in(i)) + ". " + WHY);
    }

    /** The Fix for such a dropout with no batch norm after it (see {@link DropoutFix}). */
    static String fix(LayerSequence layers, int i) {
        return "use @SpatialDropout(rate = 0.1)" + layers.declaredWhere(i) + ", which drops whole channels, or remove it and"
                + " put @BatchNorm between each conv and its activation, as in @"
                + LayerSequence.exitWeighted(layers.spec(layers.previousWeighted(i))).kind()
                + "(..., bias = false) @BatchNorm @ReLU.";
    }
}
