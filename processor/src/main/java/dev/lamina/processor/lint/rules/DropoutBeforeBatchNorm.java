package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.SubModelSpec;
import java.util.List;

/**
 * Any dropout with a {@code @BatchNorm} (or a sub-model containing one) anywhere after it. Inside
 * a {@code @Residual} main path, a dropout between two convs with a conv before the next batch
 * norm is the Wide ResNet design (batch norm, ReLU, dropout, conv) and accepted; one that feeds a
 * batch norm with no conv between is the full variance shift of Li et al. (2019) and reported.
 */
@LintRule(severity = Severity.WARNING,
        summary = "Dropout placed before a @BatchNorm: variance shift between training and inference.",
        help = "A dropout with a @BatchNorm anywhere after it changes the variance of the"
                + " activations between training (units dropped and rescaled) and inference"
                + " (no dropout). Batch norm learns its running variance during training, so at"
                + " inference it normalizes with statistics that no longer match, which hurts"
                + " accuracy (Li et al., CVPR 2019, 'Understanding the Disharmony between"
                + " Dropout and Batch Normalization by Variance Shift'). Fix: move the dropout"
                + " after the last @BatchNorm. Inside a residual block, a dropout with a conv between it"
                + " and the next batch norm (Wide ResNet's batch norm, ReLU, dropout, conv) is accepted;"
                + " one that feeds a batch norm directly is reported.")
public final class DropoutBeforeBatchNorm extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return concat(findAt(layers, i -> applies(layers, i), i -> message(layers, i)),
                findInTails(layers, i -> layers.nextBatchNorm(i) >= 0, spec -> spec instanceof DropoutSpec,
                        (i, inner) -> acrossMessage(layers, i, inner)));
    }

    /** A dropout at the end of a sub-model whose output this model feeds to a batch norm. */
    private static Message acrossMessage(LayerSequence layers, int i, LayerSequence.Inner inner) {
        return new Message("layer " + inner.describe() + " ends sub-model " + layers.describe(i) + ", and this model"
                + " feeds its output to " + target(layers, layers.nextBatchNorm(i)) + ". Each model is"
                + " fine alone; composed here, the dropout comes before a batch norm and shifts the variance"
                + " that batch norm learns in training (variance shift; Li et al., CVPR 2019).", "remove it"
                + " from " + inner.declaredIn().simpleName() + "; the batch norm already regularizes.");
    }

    private static String target(LayerSequence layers, int bn) {
        if (layers.spec(bn) instanceof SubModelSpec sub) {
            return "sub-model " + layers.describe(bn) + (sub.projection() && !containsOwnBatchNorm(sub)
                    ? ", whose projection shortcut ends in a batch norm" : ", which contains a @BatchNorm");
        }
        return "batch norm " + layers.describe(bn);
    }

    private static boolean containsOwnBatchNorm(SubModelSpec sub) {
        return sub.model().layers().stream().anyMatch(spec -> spec instanceof dev.lamina.processor.model.BatchNormSpec
                || spec instanceof SubModelSpec inner && (inner.projection() || containsOwnBatchNorm(inner)));
    }

    /**
     * Whether the spec at {@code i} is a dropout this rule reports: one with a batch norm after it,
     * unless it lies between two convs of a residual main path with a conv between it and that batch
     * norm (the Wide ResNet order, whose variance shift the wide conv between dampens; Li et al.
     * 2019).
     */
    static boolean applies(LayerSequence layers, int i) {
        if (!(layers.spec(i) instanceof DropoutSpec) || layers.nextBatchNorm(i) < 0) {
            return false;
        }
        return !(layers.isInsideResidualBlockBetweenConvs(i) && layers.nextWeighted(i) < layers.nextBatchNorm(i));
    }

    private static Message message(LayerSequence layers, int i) {
        boolean residual = layers.isInsideResidualBlockBetweenConvs(i);
        return DropoutFix.message(layers, i, "layer " + layers.describe(i) + " comes before "
                + target(layers, layers.nextBatchNorm(i)) + ". Dropout shifts the"
                + " variance of its output between training and inference, so the batch norm's running"
                + " statistics, learned with dropout on, do not match at inference (variance shift; Li"
                + " et al., CVPR 2019)." + (residual ? " Inside a residual block too: with no conv between"
                + " the dropout and the batch norm, the batch norm sees the full shift (Li et al. explain"
                + " Wide ResNet's tolerance of dropout by the wide conv between its dropout and the next"
                + " batch norm)." : ""));
    }

    /**
     * Move the dropout after the last batch norm when there is a weighted layer after it whose input
     * this dropout can act on without another finding (a vector, or a feature map for a spatial
     * dropout); otherwise remove it, since the batch norm already regularizes.
     */
    static String fix(LayerSequence layers, int i) {
        DropoutSpec dropout = (DropoutSpec) layers.spec(i);
        if (layers.isInsideResidualBlockBetweenConvs(i)) {
            int conv = layers.nextWeighted(i);
            return "move it" + layers.declaredWhere(i) + " just before " + layers.describe(conv) + ", after the batch"
                    + " norm and its activation: the Wide ResNet order, batch norm, ReLU, dropout, conv (Zagoruyko &"
                    + " Komodakis 2016), where a conv stands between the dropout and the next batch norm.";
        }
        int target = layers.nextWeighted(layers.lastBatchNorm());
        boolean fits = target >= 0 && !(layers.spec(target) instanceof SubModelSpec)
                && (layers.in(target).isVector() || dropout.spatial());
        int existing = fits ? DropoutFix.dropoutJustBefore(layers, target, i) : -1;
        if (existing >= 0) {
            return "remove it" + layers.declaredWhere(i) + "; the batch norm already regularizes (Ioffe & Szegedy"
                    + " 2015), and " + layers.describe(existing) + " already drops units after the last batch norm,"
                    + " before " + layers.describe(target) + ".";
        }
        if (fits) {
            String from = layers.sameDeclaration(i, target) ? "" : layers.isInner(i)
                    ? " out of " + layers.entry(i).declaredIn().simpleName() : "";
            return "move it" + from + " after the last batch norm, just before " + layers.describe(target)
                    + " (there it acts on " + LayerSequence.shapeWords(layers.in(target)) + ").";
        }
        return "remove it" + layers.declaredWhere(i) + "; the batch norm already regularizes (Ioffe & Szegedy 2015), and there"
                + " is no layer after the last batch norm where a dropout would act on a vector.";
    }
}
