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
        return findAt(layers, i -> layers.isElementwiseDropout(i) && layers.isBetweenConvs(i)
                        && !layers.isInsideResidualBlockBetweenConvs(i),
                i -> message(layers, i));
    }

    /**
     * The fix for a dropout on a feature map that has a batch norm after it: any dropout there
     * (spatial too) would shift that batch norm's variance, and the batch norm already regularizes.
     * Null when no batch norm follows.
     */
    static String removeBeforeBatchNorm(LayerSequence layers, int i) {
        int bn = layers.nextBatchNorm(i);
        if (bn < 0) {
            return null;
        }
        return "remove it" + layers.declaredWhere(i) + ". Batch norm " + layers.describe(bn) + " comes after it and already"
                + " regularizes (Ioffe & Szegedy 2015), and a dropout of any kind before a batch norm"
                + " shifts its variance between training and inference (Li et al., CVPR 2019).";
    }

    private static Message message(LayerSequence layers, int i) {
        DropoutSpec dropout = (DropoutSpec) layers.spec(i);
        return new Message("layer " + layers.describe(i) + " drops single activations (rate "
                + LintText.decimal(dropout.rate()) + ") between " + layers.describeWeighted(layers.previousWeighted(i), false)
                + " and " + layers.describeWeighted(layers.nextWeighted(i), true) + " on "
                + LayerSequence.shapeWords(layers.in(i)) + ". " + WHY, fix(layers, i));
    }

    private static String fix(LayerSequence layers, int i) {
        String remove = removeBeforeBatchNorm(layers, i);
        return remove != null ? remove
                : "use @SpatialDropout(rate = 0.1)" + layers.declaredWhere(i) + ", which drops whole channels, or remove it and"
                        + " put @BatchNorm between each conv and its activation, as in @"
                        + LayerSequence.exitWeighted(layers.spec(layers.previousWeighted(i))).kind()
                        + "(..., bias = false) @BatchNorm @ReLU.";
    }
}
