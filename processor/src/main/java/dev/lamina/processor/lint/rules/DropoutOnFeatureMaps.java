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
 * Element-wise {@code @Dropout} on a (C, H, W) feature map computed by a weighted layer, when it
 * is not between two convs (that case is {@link DropoutBetweenConvs}), e.g. after the last
 * pooling, before {@code @Flatten}. Dropout on the input image itself is not reported here (see
 * {@link InputDropoutHigh}).
 */
@LintRule(severity = Severity.WARNING,
        summary = "Element-wise @Dropout on a (C, H, W) feature map, e.g. after the last pooling.",
        help = "An element-wise @Dropout on a (C, H, W) feature map (for example after the last"
                + " pooling layer, before @Flatten) drops single activations whose spatially"
                + " correlated neighbours carry the same information, so it regularizes little"
                + " (Tompson et al. 2015; seed articles 000 and 001). Fix: use @SpatialDropout,"
                + " or move the @Dropout after the first @Dense, where it acts on a vector.")
public final class DropoutOnFeatureMaps extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return findAt(layers, i -> applies(layers, i), i -> message(layers, i));
    }

    /** Whether the spec at {@code i} is an element-wise dropout this rule reports. */
    static boolean applies(LayerSequence layers, int i) {
        return layers.isElementwiseDropout(i) && layers.in(i).isFeatureMap() && !layers.actsOnInput(i)
                && !layers.isBetweenConvs(i);
    }

    private static Message message(LayerSequence layers, int i) {
        DropoutSpec dropout = (DropoutSpec) layers.spec(i);
        int next = layers.nextWeighted(i);
        String before = next < 0 ? "at the end of the model" : "before " + layers.describe(next);
        return DropoutFix.message(layers, i, "layer " + layers.describe(i) + " drops single activations (rate "
                + LintText.decimal(dropout.rate()) + ") of " + LayerSequence.shapeWords(layers.in(i))
                + " after " + layers.describe(layers.previousWeighted(i)) + ", " + before
                + ". " + DropoutBetweenConvs.WHY);
    }

    /**
     * The Fix for such a dropout with no batch norm after it (see {@link DropoutFix}): a spatial
     * dropout at its rate (at most DropoutRateHigh's limit), or, when a hidden dense layer follows,
     * the dropout moved after it, unless a dropout is there already (the two would compound,
     * {@link ConsecutiveDropout}): then this one can go.
     */
    static String fix(LayerSequence layers, int i) {
        String rate = LintText.decimal(Math.min(((DropoutSpec) layers.spec(i)).rate(), DropoutRateHigh.MAX_RATE));
        int next = layers.nextWeighted(i);
        boolean hiddenDenseAfter = next >= 0 && layers.nextWeighted(next) >= 0 && layers.isDense(next);
        int existing = hiddenDenseAfter ? DropoutFix.dropoutJustBefore(layers, layers.nextWeighted(next), i) : -1;
        String here = layers.isInner(i) ? layers.declaredWhere(i) : " here";
        String spatial = "use @SpatialDropout(rate = " + rate + ")" + here + ", which drops whole channels";
        if (existing >= 0) {
            return spatial + ", or remove it: " + layers.describe(existing) + " after " + layers.describe(next)
                    + " already drops units of a vector.";
        }
        return spatial + (hiddenDenseAfter ? ", or move the @Dropout after " + layers.describe(next)
                + ", where it acts on a vector." : ".");
    }
}
