package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.PoolSpec;
import dev.lamina.processor.model.PoolType;
import java.util.List;

/**
 * A conv ({@code @Conv}, {@code @DepthwiseConv}) with no activation before the next weighted layer whose only nonlinearity is a
 * {@code @MaxPool}. {@code @Conv @MaxPool @ReLU} is fine (ReLU and max pooling commute); so is
 * {@code @Conv @ReLU @MaxPool}. Without any nonlinearity at all it is MissingActivation's.
 */
@LintRule(severity = Severity.NOTE,
        summary = "A @Conv or @DepthwiseConv whose only nonlinearity before the next weighted layer is a @MaxPool.",
        help = "A convolution followed by max pooling and no activation keeps its negative"
                + " responses: max pooling only selects the largest value of each window, so"
                + " the network loses the nonlinearity a ReLU gives. NeuraLint (Nikanjam et al."
                + " 2021) and UMLAUT (Schoop et al. 2021) flag a convolution without activation."
                + " Fix: add @ReLU to the conv (after its @BatchNorm, if any). Not reported where the conv"
                + " and pool end a building block, e.g. a pre-activation residual block (He et al. 2016b)"
                + " whose next block starts with its own ReLU.")
public final class LinearConvBeforePool extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return findAt(layers, i -> layers.isConv(i) && maxPoolWithoutActivation(layers, i) >= 0
                        && !(layers.isBlock() && layers.nextWeighted(i) < 0),
                i -> message(layers, i));
    }

    /** Index of the first max pool between the conv and the next weighted layer when no activation is there, else -1. */
    private static int maxPoolWithoutActivation(LayerSequence layers, int conv) {
        int end = layers.nextWeighted(conv);
        int pool = -1;
        for (int i = conv + 1; i < (end < 0 ? layers.size() : end); i++) {
            if (layers.spec(i) instanceof ActivationSpec) {
                return -1;
            }
            if (pool < 0 && layers.spec(i) instanceof PoolSpec p && p.type() == PoolType.MAX) {
                pool = i;
            }
        }
        return pool;
    }

    private static Message message(LayerSequence layers, int i) {
        int pool = maxPoolWithoutActivation(layers, i);
        int next = layers.nextWeighted(i);
        String until = next < 0 ? "before the end of the model" : "before " + layers.describe(next);
        boolean bn = i + 1 < layers.size() && layers.spec(i + 1) instanceof BatchNormSpec;
        String on = "on '" + layers.spec(i).field() + "'" + layers.declaredWhere(i) + ", e.g. @" + layers.spec(i).kind()
                + "(...)" + (bn ? " @BatchNorm" : "") + " @ReLU";
        int batchNorm = MissingActivation.lastBatchNormBetween(layers, i, next < 0 ? layers.size() : next);
        if (batchNorm > i + 1) {
            // a batch norm after the pool: the ReLU goes after it, or BatchNormAfterActivation reports it
            on = "after batch norm " + layers.describe(batchNorm) + layers.declaredWhere(batchNorm) + ", e.g. @BatchNorm @ReLU";
        }
        return new Message("layer " + layers.describe(i) + " has no activation: its only nonlinearity " + until
                + " is max pooling " + layers.describe(pool) + ", so negative responses pass through and"
                + " the conv is nearly linear. NeuraLint and UMLAUT flag a convolution without"
                + " activation.", "add @ReLU " + on + ".");
    }
}
